// The response steps of the built-in templates: what to do on the day, in order, each with its
// phase (when) and role (who). The role names are those of the template's own roles or contact
// tree, so the grab pack can put a name and a phone number against every step.
import { ROLES_FIELDS } from '../domain/section-roles'
import type { TemplateItem, TemplateSection } from '../domain/template-model'
import type { Phase } from '../domain/vocabulary'

const step = (phase: Phase, role: string, text: string, guidance: string): TemplateItem => ({ kind: 'step', phase, role, text, guidance })

const STEPS_GUIDANCE =
  'What to do when it happens, in the order the day runs. Each step says when (its phase), who (a role from ' +
  'the roles above) and what; the notes of a step are the place for the how: numbers, addresses, where things ' +
  'are kept. The grab pack prints these steps with the name and phone of whoever holds each role. Change them ' +
  'to match how your organisation really works, and rehearse them in a drill.'

/** The incident response procedure, on the day. Roles from its "Roles and contacts" section. */
export const incidentResponseSteps: TemplateSection = {
  title: 'Response steps on the day',
  guidance: STEPS_GUIDANCE,
  items: [
    step(
      'invoke',
      'Technical lead',
      'Call the incident lead',
      'Whoever first hears of a suspected incident (a staff report, an alert, a customer call) calls the incident lead at ' +
        'once, and their deputy if there is no answer within 15 minutes. Say what you see, since when, and who is affected. ' +
        'Never wait to be sure: an early call is always welcome.',
    ),
    step(
      'invoke',
      'Technical lead',
      "Check the provider's status page before assuming the fault is yours",
      'Look at the status pages of the providers behind the failing service (the grab pack lists them with each critical ' +
        'function) and at an independent outage tracker. Tell the incident lead what they say, with the time.',
    ),
    step(
      'invoke',
      'Incident lead',
      'Declare the incident and its severity',
      'Decide whether this is an incident and how severe it is, using the severity levels of this procedure. When in ' +
        'doubt, declare it: standing down a false alarm costs less than starting late. Record the time of the declaration.',
    ),
    step(
      'invoke',
      'Incident lead',
      'Tell the senior decision-maker, and invoke the continuity plan if functions will stop',
      'Call the senior decision-maker with the severity and what is known. If critical business functions have stopped, ' +
        'or will be down for longer than their RTO, invoke the business continuity plan as well.',
    ),
    step(
      'first-hour',
      'Scribe',
      'Open the decision log',
      'Start a log with the time the incident began and was declared. From now on write down every decision, action and ' +
        'new fact with the time and the name of the person responsible. Paper is fine if screens are down.',
    ),
    step(
      'first-hour',
      'Incident lead',
      'Call the response team together on the backup channel',
      'Bring the technical lead, communications lead and scribe together by phone or the agreed messaging group, not ' +
        'through the email or chat that may be part of the outage. Agree who does what and when you next meet.',
    ),
    step(
      'first-hour',
      'Technical lead',
      "Call the provider's support line and record the case reference",
      "If a provider is involved, raise an urgent case through its support line (in the grab pack's function cards), " +
        'quote your account reference and write down the case number and the time.',
    ),
    step(
      'first-hour',
      'Technical lead',
      'Preserve evidence before changing anything',
      'Copy the relevant logs, screenshots and messages somewhere safe and isolate affected machines rather than wiping ' +
        'them. Note who handled each piece of evidence and when.',
    ),
    step(
      'first-hour',
      'Communications lead',
      'Post the holding statement',
      'Send the prepared holding statement to staff and, if customers are affected, to customers, through a channel that ' +
        'does not depend on the failed service. Say what you know, what you are doing and when you will next update.',
    ),
    step(
      'first-hour',
      'Incident lead',
      'Switch stopped functions to their workarounds',
      "Compare the expected outage with each affected function's RTO (in the grab pack) and tell its owner to switch to " +
        'the workaround now, not at the last minute.',
    ),
    step(
      'first-day',
      'Incident lead',
      'Approve every change, each with a way to roll it back',
      'During the incident no change is made without your approval, a note in the decision log and a way to undo it. ' +
        "Protective measures can backfire, as a cloud provider's misconfigured DDoS protection did in July 2024.",
    ),
    step(
      'first-day',
      'Communications lead',
      'Update staff, customers and partners at the set interval',
      'Send an update at the interval you announced, for example every two hours, even when there is no news. Call key ' +
        'customers whose own work depends on you.',
    ),
    step(
      'first-day',
      'Senior decision-maker',
      'Notify the insurer and, if personal data is involved, the regulator',
      "Call the cyber insurer's incident line before spending on outside help. If personal data was exposed, altered or " +
        'lost, the regulator must hear within 72 hours of you becoming aware of it. Log each notification with its time.',
    ),
    step(
      'recovery',
      'Technical lead',
      'Restore from known-good backups and check them',
      'Restore or rebuild from backups taken before the incident, check them for integrity, and tell the incident lead ' +
        'how much data was lost compared with the RPO.',
    ),
    step(
      'recovery',
      'Incident lead',
      'Confirm recovery, then stand down',
      'When each service owner confirms their service works end to end for real users, declare the incident over, tell ' +
        'everyone who was told it began, and record the end time in the decision log.',
    ),
    step(
      'after',
      'Incident lead',
      'Hold the lessons-learned review within two weeks',
      'Go through the decision log with everyone involved, without blame, and turn each lesson into a task with an owner ' +
        'and a due date in this procedure or the continuity plan.',
    ),
  ],
}

/** The business continuity plan, on the day. Roles from its contact tree. */
export const continuitySteps: TemplateSection = {
  title: 'Response steps on the day',
  guidance: STEPS_GUIDANCE,
  items: [
    step(
      'invoke',
      'Crisis lead',
      'Decide whether to invoke the plan',
      'The crisis lead, or their deputy, invokes the plan when its invocation criteria are met: a critical function down ' +
        'for more than half its MTPD, the office unusable, or a key supplier reporting an outage with no time for a fix. ' +
        'Anyone may raise the alarm with either of them at any hour.',
    ),
    step(
      'invoke',
      'Crisis lead',
      'Invoke the plan: record the time and start the contact tree',
      'Write down the time and the reason, then call the people the contact tree lists against you. Each of them calls ' +
        'their own list and reports back; anyone not reached within 15 minutes is replaced by their deputy.',
    ),
    step(
      'first-hour',
      'IT lead',
      "Check the provider's status page and call its support line",
      'For each supplier behind a stopped function, read its status page and call its support line (both in the grab ' +
        "pack's function cards). Record what they say, the case reference and the time, and tell the crisis lead.",
    ),
    step(
      'first-hour',
      'Operations lead',
      'Switch the stopped functions to their workarounds',
      'Start with the function whose RTO comes first. Tell each team which workaround to use (the grab pack lists them) ' +
        'and hand out the printed forms and lists it needs.',
    ),
    step(
      'first-hour',
      'Communications lead',
      'Post the holding statement',
      'Tell customers and partners what has happened, what you are doing and when you will next update, through a channel ' +
        'that does not depend on the failed service: a status page hosted elsewhere, social media, a recorded phone message.',
    ),
    step(
      'first-hour',
      'People and HR lead',
      'Tell all staff what to do',
      'Through team leaders and the backup channel, tell every member of staff what has happened, what they should do now ' +
        'and what to say to customers who ask. Check that nobody is left out.',
    ),
    step(
      'first-hour',
      'Crisis lead',
      'Record decisions in a decision log',
      'Open a log (paper is fine) and write down every decision with its time and who made it, and every new fact with ' +
        'its source. It guides the day, the review afterwards and any insurance claim.',
    ),
    step(
      'first-day',
      'Finance lead',
      'Call the bank and the insurer, and approve urgent spending',
      'Tell the insurer early, agree urgent payments with the bank, and approve the spending the plan allows without the ' +
        'usual approvals. Record each payment and its reason.',
    ),
    step(
      'first-day',
      'Operations lead',
      'Check every stopped function against its RTO',
      'Every few hours, report to the crisis lead which functions run on workarounds, which are still stopped and how long ' +
        'until each reaches its RTO and MTPD.',
    ),
    step(
      'first-day',
      'Communications lead',
      'Update customers and partners at the set interval',
      'Send an update at the interval you announced, even when there is no news, and call key customers directly.',
    ),
    step(
      'first-day',
      'Office or facilities manager',
      'Open the alternative place of work if the office is unusable',
      'Tell staff where to go, or to work from home, and arrange the equipment, keys and post the alternative site needs.',
    ),
    step(
      'recovery',
      'Operations lead',
      'Enter the work done on paper back into the systems',
      'Once a system is back, enter the paper records in the agreed order and check that nothing was missed or entered twice.',
    ),
    step(
      'recovery',
      'IT lead',
      'Restore lost data from the backups',
      'Write in the notes of this step where the backups are kept and how to reach them when the main sign-in is down. ' +
        'Restore the latest copy taken before the disruption, check that it is complete, and tell the operations lead ' +
        "what was lost against each function's RPO.",
    ),
    step(
      'recovery',
      'Crisis lead',
      'Stand down the plan',
      'When each function runs normally again, tell everyone the contact tree reached that the plan is no longer invoked, ' + 'and record the time.',
    ),
    step(
      'after',
      'Crisis lead',
      'Review what happened and update this plan',
      'Within two weeks, go through the decision log with everyone involved and change the plan where it proved wrong. ' + 'Reprint the grab pack.',
    ),
  ],
}

/** Who acts when a supplier fails: the roles the supplier review's steps name. */
export const supplierRoles: TemplateSection = {
  title: 'Who acts when a supplier fails',
  role: 'roles',
  fields: [...ROLES_FIELDS],
  guidance:
    'The people who deal with a supplier outage, each with a deputy and a phone number. In a small organisation they are ' +
    'often the same people as in the contact tree of your continuity plan; write the same names.',
  items: [
    {
      text: 'Name the incident lead for supplier outages',
      guidance: 'Done when the person who decides how the organisation responds to a supplier outage is named, with a deputy.',
      values: { role: 'Incident lead' },
    },
    {
      text: 'Name an owner for each critical supplier',
      guidance:
        'Done when each Critical and High supplier has an owner who holds the account reference and knows its support ' +
        'routes, with a deputy who could make the same call.',
      values: { role: 'Supplier owner' },
    },
    {
      text: 'Name the IT lead',
      guidance: 'Done when the person or firm who checks the technical side of a supplier outage is named with an out-of-hours number.',
      values: { role: 'IT lead' },
    },
    {
      text: 'Name the communications lead',
      guidance: 'Done when the person who tells customers and staff about a supplier outage is named, with a deputy.',
      values: { role: 'Communications lead' },
    },
  ],
}

/** The supplier review, on the day a supplier fails. Roles from "Who acts when a supplier fails". */
export const supplierSteps: TemplateSection = {
  title: 'Response steps when a supplier fails',
  guidance: STEPS_GUIDANCE,
  items: [
    step(
      'invoke',
      'IT lead',
      "Check the supplier's status page",
      "Confirm from the supplier's status page (in the register) and an independent outage tracker that the fault is " +
        'theirs, and tell the supplier owner and the incident lead what it says, with the time.',
    ),
    step(
      'invoke',
      'Incident lead',
      'Decide whether to invoke the continuity plan',
      'If a Critical supplier is down and gives no time for a fix, or the functions that need it will pass their RTO, ' +
        'invoke the business continuity plan.',
    ),
    step(
      'first-hour',
      'Supplier owner',
      "Call the supplier's support line and record the case reference",
      'Raise an urgent case, quote the account or contract reference from the register, and write down the case number, ' + 'what they promise and the time.',
    ),
    step(
      'first-hour',
      'Incident lead',
      'Switch to the workaround or the alternative supplier',
      'For each function that needs this supplier, switch to its workaround, or to the alternative named in the register ' +
        'if it can be switched on quickly.',
    ),
    step(
      'first-hour',
      'Communications lead',
      'Post the holding statement',
      'Tell staff and affected customers what has happened and when you will next update, through a channel that does not ' + 'run on the failed supplier.',
    ),
    step(
      'first-day',
      'Supplier owner',
      'Escalate through the account manager and the contract',
      "If the support line gives no estimate, call the account manager and invoke the contract's incident notification " + 'terms. Log every call.',
    ),
    step(
      'first-day',
      'IT lead',
      'Check what else runs on the same provider',
      'Look at what the register says each supplier runs on: other services on the same provider may fail next, and an ' +
        'alternative on that provider will not help.',
    ),
    step(
      'recovery',
      'Supplier owner',
      'Get written confirmation that the service is restored, and check your data',
      'When the supplier reports recovery, check that your data is complete and that the service works end to end, then ' + 'tell the incident lead.',
    ),
    step(
      'after',
      'Supplier owner',
      "Read the supplier's incident review and record the outage",
      'Note the outage, its length against the service level and your RTO, and what the supplier will change; update the ' + 'register and its review outcome.',
    ),
  ],
}
