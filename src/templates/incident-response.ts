// Built-in template: an incident response procedure, with phases after NIST SP 800-61 and
// lessons from the July 2024 cloud outage (a DDoS amplified by the provider's own defence).
import { ROLES_FIELDS } from '../domain/section-roles'
import type { PlanTemplate } from '../domain/template-model'
import { incidentResponseSteps } from './response-steps'

export const incidentResponseTemplate: PlanTemplate = {
  id: 'incident-response',
  version: 3,
  kind: 'incident-response',
  title: 'Incident response procedure',
  summary: 'Who does what, from the first report of an incident to the lessons learned afterwards.',
  description:
    'A procedure for handling cyber security and IT incidents, arranged by the phases of NIST SP 800-61: ' +
    'preparation; detection and analysis; containment, eradication and recovery; and post-incident activity. ' +
    "It draws on a major cloud provider's outage in July 2024, when a DDoS attack was amplified by the provider's " +
    'own misconfigured defence and its customers lost services for up to ten hours. ' +
    'Use it alongside your business continuity plan: this procedure deals with the incident, and the continuity ' +
    'plan keeps the business running while it lasts.',
  reviewEveryDays: 180,
  sections: [
    {
      title: 'Roles and contacts',
      guidance:
        'Every role has a named person and a deputy, so the procedure still works when someone is on leave or ' +
        'cannot be reached. In a small organisation one person may hold two roles, but the incident lead should not ' +
        'also be the only technical responder. Keep phone numbers here as well as in phones: during an outage the ' +
        'address book in your email system may be unavailable.',
      role: 'roles',
      fields: [...ROLES_FIELDS],
      items: [
        {
          text: 'Name an incident lead and a deputy',
          guidance:
            'Done when a named person runs the response and makes the final calls, and has a deputy who has read this ' +
            'procedure. The incident lead coordinates; they need not be the most technical person.',
          values: { role: 'Incident lead' },
        },
        {
          text: 'Name a technical lead and a deputy',
          guidance:
            'Done when someone in house or at your IT provider is named to investigate and fix, with an out-of-hours ' +
            'number. For an external provider, note the contract reference and how to raise an urgent call.',
          values: { role: 'Technical lead' },
        },
        {
          text: 'Name a communications lead and a deputy',
          guidance: 'Done when one person owns all messages to staff, customers, partners and the press, so that everyone ' + 'hears one consistent account.',
          values: { role: 'Communications lead' },
        },
        {
          text: 'Name a scribe to keep the decision log',
          guidance:
            'Done when someone is named to record decisions, actions and new facts with the time as they happen. ' +
            'A good log makes the lessons-learned review and any insurance claim far easier.',
          values: { role: 'Scribe' },
        },
        {
          text: 'Name the senior decision-maker',
          guidance:
            'Done when a director or owner is named who can approve spending, shut down services or speak for the ' +
            'organisation, and whom the incident lead can reach at any hour.',
          values: { role: 'Senior decision-maker' },
        },
        {
          text: 'Record your external responders',
          guidance:
            "Done when your IT support provider, your cyber insurer's incident line and any incident response firm " +
            'you would call are listed with how to reach them out of hours.',
          values: { role: 'External responders' },
        },
      ],
    },
    incidentResponseSteps,
    {
      title: 'Preparation',
      guidance:
        'Phase 1 of the incident lifecycle, after NIST SP 800-61. This work happens before anything goes wrong, ' +
        'and it decides whether the first hour of an incident is calm or chaotic.',
      items: [
        {
          text: 'Decide where this procedure lives when your systems are down',
          guidance:
            'Done when a current printed copy is kept at each site and by the incident lead and deputy, and an offline ' +
            'copy is on their phones. A procedure stored only in the cloud service that has failed cannot be read when ' +
            'it is needed.',
        },
        {
          text: 'Agree a backup way to talk if email and chat are unavailable',
          guidance:
            'Done when the response team knows which channel to switch to, such as a phone conference number or a ' +
            'messaging group on mobile phones, and has tried it. Choose one that does not depend on the same provider ' +
            'as your everyday tools.',
        },
        {
          text: 'Define severity levels and who may declare each one',
          guidance:
            "Done when three or four levels are described with plain examples, from 'one person cannot work' up to " +
            "'customers cannot buy from us', and it is written who may declare each level and who must then be told.",
        },
        {
          text: 'List your key services and the providers each one depends on',
          guidance:
            'Done when each service that customers or staff rely on has an owner and a list of the providers underneath ' +
            'it. Keep it consistent with the supplier dependency review so you know quickly whom to call.',
        },
        {
          text: 'Record provider status pages and support routes',
          guidance:
            'Done when the status page, support number and account reference of each key provider are listed here, and ' +
            'the incident lead receives their status alerts. Status pages show quickly whether a fault is yours or the ' +
            "provider's.",
        },
        {
          text: 'Set up emergency change control with a rollback for every change',
          guidance:
            'Done when it is written who may approve changes during an incident, that each change is logged before it is ' +
            "made, and that each has a way to undo it. In July 2024 a cloud provider's own DDoS defence, wrongly rolled " +
            'out, amplified the attack instead of absorbing it.',
        },
        {
          text: 'Keep emergency administrator access ready',
          guidance:
            'Done when each critical system has at least one break-glass administrator account with strong ' +
            'authentication, its credentials stored securely offline, and its use tested in the last six months.',
        },
        {
          text: 'Check that logs exist and are kept long enough',
          guidance:
            'Done when you know which systems keep logs, for how long and who can retrieve them, and their clocks agree. ' +
            'Without logs, analysis becomes guesswork.',
        },
        {
          text: 'Check what your cyber insurance requires',
          guidance:
            "Done when the insurer's notification deadline, incident line and any required or approved responders are " +
            'recorded in this procedure. Acting without telling the insurer can put cover at risk.',
        },
        {
          text: 'Brief everyone named in this procedure',
          guidance:
            'Done when each role holder and deputy has walked through the procedure at least once, ideally in a short ' +
            'tabletop exercise, and knows where the printed copy is kept.',
        },
      ],
    },
    {
      title: 'Detection and analysis',
      guidance:
        'Phase 2 after NIST SP 800-61. Confirm that something is wrong, work out how far it reaches, and declare an ' +
        'incident early: standing down a false alarm costs less than starting late.',
      items: [
        {
          text: 'Give staff one simple way to report a suspected incident',
          guidance:
            'Done when everyone knows a single phone number or contact to use, including when email is down, and knows ' +
            'that early reports are welcomed and never blamed.',
        },
        {
          text: 'Check provider status pages before assuming the fault is yours',
          guidance:
            'Done when the first responder routinely checks the status pages of key providers and an independent outage ' +
            'tracker. This avoids hours spent on your own systems when a provider is at fault, and the reverse.',
        },
        {
          text: 'Open an incident record and a decision log',
          guidance:
            'Done when the incident has a record with its start time, and the scribe logs each decision, action and new ' +
            'fact with the time and the name of the person responsible.',
        },
        {
          text: 'Assess the scope and impact',
          guidance:
            'Done when you can say which services, sites, customers and data are affected and whether the incident is ' +
            'growing. Compare the likely outage with the recovery time objectives in your continuity plan.',
        },
        {
          text: 'Assign a severity level and escalate',
          guidance:
            'Done when a severity has been declared by someone allowed to declare it, the people that level requires ' +
            'have been told, and the level is revisited as the facts change.',
        },
        {
          text: 'Preserve evidence before changing systems',
          guidance:
            'Done when relevant logs, screenshots, emails and suspicious files are copied somewhere safe, and affected ' +
            'machines are isolated rather than wiped. Record who handled each piece of evidence and when.',
        },
        {
          text: 'Decide whether personal data is involved',
          guidance:
            'Done when someone has assessed whether personal data was exposed, altered or made unavailable, and the ' +
            'answer is logged. Under UK and EU GDPR a notifiable breach must be reported to the regulator within 72 ' +
            'hours of becoming aware of it.',
        },
      ],
    },
    {
      title: 'Containment, eradication and recovery',
      guidance:
        'Phase 3 after NIST SP 800-61. Stop the damage spreading, remove the cause, and bring services back in a ' +
        'controlled way. Change one thing at a time and record it: under pressure, hurried changes can make an incident ' +
        'worse.',
      items: [
        {
          text: 'Choose a containment approach and record why',
          guidance:
            'Done when the approach, such as isolating a machine, disabling an account or blocking traffic, has been ' +
            'agreed by the incident lead with its effect on the business understood and logged.',
        },
        {
          text: 'Make no defensive change without a way to roll it back',
          guidance:
            'Done when every change during the incident is approved, logged with its time, watched for its effect and ' +
            "undone if it makes things worse. Protective measures can backfire, as a cloud provider's misconfigured DDoS " +
            'protection did in July 2024.',
        },
        {
          text: 'Switch to continuity workarounds when an outage will outlast its RTO',
          guidance:
            "Done when the incident lead has compared the expected outage with each affected function's recovery time " +
            'objective and invoked the matching workaround in the continuity plan in good time, not at the last minute.',
        },
        {
          text: 'Remove the cause',
          guidance:
            'Done when malicious software, unauthorised accounts and compromised passwords have been found and dealt ' +
            "with, and the attacker's way in is closed. If the cause lies with a provider, record their confirmed fix.",
        },
        {
          text: 'Restore from known-good backups',
          guidance:
            'Done when systems are rebuilt or restored from backups taken before the incident and checked for integrity, ' +
            'and the data lost since the last good backup is known and compared with the recovery point objective.',
        },
        {
          text: 'Confirm recovery before standing down',
          guidance:
            'Done when each service owner confirms the service works end to end for real users, monitoring is watching ' +
            'for a recurrence, and work done on paper during the outage has been entered back.',
        },
        {
          text: 'Close the incident formally',
          guidance:
            'Done when the incident lead declares the incident over, tells everyone who was told it had started, and ' +
            'records the end time in the decision log.',
        },
      ],
    },
    {
      title: 'Communication',
      guidance:
        'Communication runs through every phase. Assume your usual channels may be part of the outage: in July 2024, ' +
        'businesses that relied on one cloud provider lost their own web services and still had to explain that to ' +
        'their customers.',
      items: [
        {
          text: 'Prepare holding statements in advance',
          guidance:
            'Done when short, approved messages exist for the likely cases (service unavailable, suspected data breach, ' +
            'supplier outage) and are stored offline with this procedure. Each says what you know, what you are doing ' +
            'and when you will next update.',
        },
        {
          text: 'Plan how to reach customers when your provider is down',
          guidance:
            'Done when at least one route does not depend on your main provider, such as a status page hosted ' +
            'elsewhere, social media accounts, a recorded phone message or text messages, and the communications lead ' +
            'can use it.',
        },
        {
          text: 'Keep staff informed and tell them what to say',
          guidance:
            'Done when staff receive regular updates through the backup channel, know what to tell customers who ask, ' +
            'and pass press enquiries to the communications lead.',
        },
        {
          text: 'Update customers and partners at set intervals',
          guidance:
            'Done when updates go out at a stated interval, for example every two hours, even when there is no news, and ' +
            'key customers whose own work depends on you are contacted directly.',
        },
        {
          text: 'Notify regulators, insurers and authorities where required',
          guidance:
            'Done when a list of who must be told, by when and how (regulator, insurer, police, national cyber security ' +
            'agency, bank) is kept here, and each notification made is logged with its time.',
        },
      ],
    },
    {
      title: 'Post-incident activity',
      guidance:
        'Phase 4 after NIST SP 800-61. Learn from every significant incident, including provider outages that were ' +
        'not your fault, and feed the lessons back into this procedure and the continuity plan.',
      items: [
        {
          text: 'Hold a lessons-learned review within two weeks',
          guidance:
            'Done when the people involved have met, without blame, to go through the decision log and agree what went ' +
            'well, what did not and what to change.',
        },
        {
          text: "Read the provider's incident review when it is published",
          guidance:
            "Done when the provider's post-incident review has been read and the points that affect you are noted. " +
            'Large providers often publish a preliminary review within days; in July 2024 the provider promised one ' +
            'within 72 hours.',
        },
        {
          text: 'Turn findings into actions with an owner and a due date',
          guidance: 'Done when every agreed improvement is a tracked task with one owner and a date, and someone checks progress ' + 'until all are closed.',
        },
        {
          text: 'Update this procedure and the continuity plan',
          guidance:
            'Done when contacts, steps and messages that proved wrong have been corrected, printed copies replaced, and ' +
            'the plan marked as reviewed with the date and reviewer.',
        },
        {
          text: 'Record the costs and keep the incident record',
          guidance:
            'Done when staff time, spending and lost income are totalled for management and any insurance claim, and ' +
            'the incident record and evidence are kept for an agreed period.',
        },
      ],
    },
  ],
}
