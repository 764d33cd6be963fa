// Built-in template: a business continuity plan, following the contingency planning steps of
// NIST SP 800-34 and the approach of ISO 22301. Duration values are whole minutes.
import { CONTACT_TREE_FIELDS, IMPACT_ANALYSIS_FIELDS, RECORDS_FIELDS } from '../domain/section-roles'
import type { PlanTemplate } from '../domain/template-model'
import { continuitySteps } from './response-steps'

const HOUR = 60
const DAY = 24 * HOUR

export const continuityTemplate: PlanTemplate = {
  id: 'business-continuity',
  version: 6,
  kind: 'continuity',
  title: 'Business continuity plan',
  summary: 'Keep critical work going when systems, premises, people or suppliers are unavailable.',
  description:
    'A business continuity plan following the contingency planning steps of NIST SP 800-34 and the approach of ' +
    'ISO 22301: scope and policy, business impact analysis, recovery strategies, the plan itself, then testing and ' +
    'maintenance. It plans for the two cases highlighted by the July 2024 cloud outage: one application ' +
    'unavailable, and the whole network unusable. The business functions and figures are examples; replace them ' +
    'with your own.',
  reviewEveryDays: 365,
  sections: [
    {
      title: 'Scope, objective and invocation',
      guidance:
        'The plan header and policy: the first step of NIST SP 800-34, and the context and leadership clauses of ' +
        'ISO 22301. Keep it to about a page, because people will read it under pressure.',
      items: [
        {
          text: "Write the plan's objective",
          guidance:
            'Done when one or two sentences say what the plan protects, for example "keep taking and fulfilling ' +
            'customer orders and paying staff during any disruption lasting more than four hours".',
        },
        {
          text: 'Define the scope',
          guidance: 'Done when the sites, teams, services and suppliers covered are listed, together with anything deliberately ' + 'left out and the reason.',
        },
        {
          text: 'Name the plan owner and a senior sponsor',
          guidance:
            'Done when one person is responsible for keeping the plan current, and a director or owner has approved it ' +
            'and will back the decisions it calls for.',
        },
        {
          text: 'Set the invocation criteria',
          guidance:
            'Done when the plan states in plain terms when it is invoked, for example a critical function down for more ' +
            'than half its MTPD, the office unusable, or a key supplier reporting an outage with no time for a fix.',
        },
        {
          text: 'List who may invoke the plan',
          guidance:
            'Done when at least two named people may invoke the plan, and all staff know they can raise the alarm with ' + 'either of them at any time.',
        },
        {
          text: 'Write the first steps after invocation',
          guidance:
            'Done when the opening steps are written down (record the time, start the contact tree, open a decision ' +
            'log, brief staff) so that nobody has to work them out on the day.',
        },
        {
          text: 'Agree spending authority during a disruption',
          guidance:
            'Done when it is written who may spend how much without the usual approvals, for example to buy equipment, ' +
            'hire a room or pay for a temporary service, and how that spending is recorded.',
        },
      ],
    },
    {
      title: 'Business impact analysis',
      guidance:
        'The business impact analysis (BIA) is the core of NIST SP 800-34 and ISO 22301. Each item is one business ' +
        'function. Consider how the impact grows over time: financial, legal or contractual, reputational, operational, ' +
        'and health and safety. Then record the maximum tolerable period of disruption (MTPD), after which the damage ' +
        'becomes unacceptable; the recovery time objective (RTO), by when the function must be running again, at least ' +
        'in reduced form, which must be shorter than the MTPD; and the recovery point objective (RPO), how much recent ' +
        'data you could afford to lose. Note the minimum people, premises, IT, data and suppliers each function needs. ' +
        'The example figures are illustrations only: agree real ones with the owner of each function.',
      role: 'impact-analysis',
      fields: [...IMPACT_ANALYSIS_FIELDS],
      items: [
        {
          text: 'Take customer orders',
          guidance:
            'Done when the ways orders arrive, their owner and the figures are agreed. Check whether the shop and the ' +
            'payments run on the same provider: if so, one outage stops both.',
          values: {
            impact: 'Critical',
            rto: 4 * HOUR,
            rpo: 1 * HOUR,
            mtpd: 1 * DAY,
            dependencies: 'Online shop, cloud hosting, payment processor, internet connection',
            workaround: 'Take orders by phone on paper order forms and enter them once systems return',
          },
        },
        {
          text: 'Deliver goods or services to customers',
          guidance: 'Done when you know how long delivery can stop before customers or contracts suffer, and what the team can ' + 'do from printed lists.',
          values: {
            impact: 'High',
            rto: 1 * DAY,
            rpo: 4 * HOUR,
            mtpd: 3 * DAY,
            dependencies: 'Order records, courier, stock records, warehouse staff',
            workaround: "Print the day's picking lists each morning and book the courier by phone",
          },
        },
        {
          text: 'Answer customer support',
          guidance: 'Done when you know how customers reach you if email and the helpdesk tool are down, and who answers them.',
          values: {
            impact: 'High',
            rto: 4 * HOUR,
            rpo: 1 * DAY,
            mtpd: 2 * DAY,
            dependencies: 'Phone line, email, helpdesk tool',
            workaround: 'Divert the support number to mobiles and post updates on social media',
          },
        },
        {
          text: 'Coordinate staff and internal communication',
          guidance:
            'Done when you know how staff are reached and organised if the email and chat suite is unavailable, and ' + 'the backup channel has been tried.',
          values: {
            impact: 'Critical',
            rto: 2 * HOUR,
            mtpd: 1 * DAY,
            dependencies: 'Email and chat suite, mobile phones, staff contact list',
            workaround: 'Contact tree by phone and a messaging group on mobile phones',
          },
        },
        {
          text: 'Pay staff',
          guidance: 'Done when the payroll deadline each month is known and the workaround has been agreed with the bank or ' + 'payroll provider in advance.',
          values: {
            impact: 'High',
            rto: 2 * DAY,
            rpo: 1 * DAY,
            mtpd: 5 * DAY,
            dependencies: 'Payroll software, bank, HR records',
            workaround: "Ask the bank to repeat last month's payment run and correct differences next month",
          },
        },
        {
          text: 'Invoice customers and collect payments',
          guidance:
            'Done when you know how long invoicing can pause before cash flow suffers, and how an urgent invoice could ' +
            'be issued without the usual software.',
          values: {
            impact: 'Medium',
            rto: 3 * DAY,
            rpo: 1 * DAY,
            mtpd: 10 * DAY,
            dependencies: 'Accounting software, email, bank',
            workaround: 'Issue urgent invoices from a saved document template',
          },
        },
        {
          text: 'Pay suppliers',
          guidance: 'Done when the suppliers who must be paid on time are known and urgent payments can be made without the ' + 'accounting software.',
          values: {
            impact: 'Medium',
            rto: 5 * DAY,
            rpo: 1 * DAY,
            mtpd: 14 * DAY,
            dependencies: 'Accounting software, online banking',
            workaround: 'Make urgent payments through the bank by phone or in branch',
          },
        },
        {
          text: 'Meet legal and regulatory deadlines',
          guidance:
            'Done when the deadlines that fall in a typical month are listed with the records each one needs, and you ' + 'know whom to ask for an extension.',
          values: {
            impact: 'Medium',
            rto: 5 * DAY,
            rpo: 1 * DAY,
            mtpd: 14 * DAY,
            dependencies: 'Accounting and HR records, external accountant or adviser',
            workaround: 'Contact the regulator or adviser early to explain and agree an extension',
          },
        },
      ],
    },
    {
      title: 'Contact tree',
      guidance:
        'Who calls whom once the plan is invoked. Replace each item text with the name of the person who holds the role. ' +
        'Each person calls the people listed against them and reports back when done; if someone cannot be reached ' +
        'within 15 minutes, call their deputy. Keep a printed copy with the plan, confirm the numbers every quarter, and ' +
        'time the tree in a drill.',
      role: 'contact-tree',
      fields: [...CONTACT_TREE_FIELDS],
      items: [
        {
          text: 'Crisis lead: name to be added',
          guidance:
            'Done when the person who invokes the plan and leads the response is named, with their phone numbers and a ' +
            'deputy, and both have agreed to the role.',
          values: {
            role: 'Crisis lead',
            calls: 'IT lead, communications lead, operations lead, people lead, finance lead',
          },
        },
        {
          text: 'IT lead or IT support provider: name to be added',
          guidance: 'Done when the person or firm who restores IT services is named with an out-of-hours number, and knows which ' + 'suppliers to contact.',
          values: { role: 'IT lead', calls: 'Key technology suppliers: hosting, internet, software' },
        },
        {
          text: 'Communications lead: name to be added',
          guidance: 'Done when the person who speaks to customers, partners and the press is named, with a deputy who can use ' + 'the same channels.',
          values: { role: 'Communications lead', calls: 'Key customers and partners; website and social media updates' },
        },
        {
          text: 'Operations lead: name to be added',
          guidance: 'Done when the person who keeps day-to-day work going and switches teams to workarounds is named, with a ' + 'deputy.',
          values: { role: 'Operations lead', calls: 'Team leaders in operations and delivery' },
        },
        {
          text: 'People lead: name to be added',
          guidance: 'Done when the person who makes sure every member of staff is told what to do, and checks on their welfare, ' + 'is named with a deputy.',
          values: { role: 'People and HR lead', calls: 'All staff, through their team leaders' },
        },
        {
          text: 'Finance lead: name to be added',
          guidance:
            'Done when the person who deals with the bank, the insurer and urgent payments is named, with a deputy who ' + 'can also authorise payments.',
          values: { role: 'Finance lead', calls: 'Bank, insurer, payroll provider' },
        },
        {
          text: 'Office or facilities manager: name to be added',
          guidance: 'Done when the person responsible for the premises is named, with the landlord and utility contacts to hand.',
          values: { role: 'Office or facilities manager', calls: 'Landlord, building security, utilities' },
        },
      ],
    },
    continuitySteps,
    {
      title: 'Recovery strategies',
      guidance:
        'How each critical function is restored within its RTO: the recovery strategies step of NIST SP 800-34. Plan ' +
        'for both cases highlighted by the July 2024 outage, one application unavailable and the whole network ' +
        'unusable, and match the effort to the impact recorded in the business impact analysis.',
      items: [
        {
          text: 'Plan for one application being unavailable',
          guidance:
            'Done when, for each application behind a Critical or High function, the plan says what people do instead, ' +
            'who decides to switch, and how the work is caught up afterwards.',
        },
        {
          text: 'Plan for the whole network being unusable',
          guidance:
            'Done when the plan says how people keep working if the office network, the internet connection or the main ' +
            'cloud suite fails at once, for example laptops on mobile hotspots, staff working from home, and phones ' +
            'that do not depend on the network.',
        },
        {
          text: 'Plan for the office being inaccessible',
          guidance:
            'Done when an alternative place to work is agreed, such as homes, another site or a shared workspace, along ' +
            'with how equipment and post will reach it.',
        },
        {
          text: 'Plan for many staff devices failing at once',
          guidance:
            'Done when you know how quickly laptops could be repaired or replaced if many failed together, as happened ' +
            'worldwide after a faulty security software update in July 2024, and who would do the work.',
        },
        {
          text: 'Plan for key people being unavailable',
          guidance:
            'Done when every critical task can be done by at least two people, and the knowledge it needs (procedures, ' +
            "supplier contacts, access) is recorded securely rather than held in one person's head.",
        },
        {
          text: 'Plan for a key supplier failing',
          guidance:
            'Done when each critical supplier in the supplier dependency review has a fallback: an alternative provider, ' +
            'a manual route, or a risk that has been accepted and recorded.',
        },
        {
          text: 'Put inexpensive preventive measures in place',
          guidance:
            'Done when simple controls that lower the chance or impact of disruption are in place and recorded, such as ' +
            'a backup internet connection, a UPS for key equipment, spare laptops and multi-factor authentication.',
        },
      ],
    },
    {
      title: 'Workarounds',
      guidance:
        'Manual and paper routes that keep a function going while the usual systems are down. A workaround must be ' +
        'ready before it is needed: forms printed, lists current, and people shown how to use them.',
      items: [
        {
          text: 'Prepare paper forms for critical processes',
          guidance:
            'Done when printed forms for orders, bookings or other critical records are stored where staff can find ' +
            'them, with enough copies for at least a day.',
        },
        {
          text: 'Keep offline copies of essential lists',
          guidance:
            'Done when current lists of open orders, customer and supplier contacts and staff phone numbers are exported ' +
            'regularly and stored offline, and the date of the last export is visible.',
        },
        {
          text: 'Define how manual work is entered back afterwards',
          guidance:
            'Done when it is clear who re-enters paper records once systems return, in what order, and how to check ' +
            'that nothing was missed or entered twice.',
        },
        {
          text: 'Show staff how to use the workarounds',
          guidance: 'Done when the staff who would use each workaround have practised it at least once, for example during a ' + 'drill.',
        },
      ],
    },
    {
      title: 'Critical records and backups',
      guidance:
        'The records the organisation cannot do without, and where copies are kept. Backups must meet the RPO in the ' +
        'business impact analysis and be restorable within the RTO. A cloud service keeping your data available is ' +
        'not the same as having a backup of it.',
      items: [
        {
          text: 'List critical records and where the master copies live',
          guidance:
            'Done when each critical record (customer data, contracts, financial and HR records, system settings) has an ' + 'owner and a known location.',
        },
        {
          text: 'Keep at least one backup copy apart from the live systems',
          guidance:
            'Done when critical data has a recent copy held separately, with at least one copy offline or unchangeable so ' +
            'that ransomware or a compromised account cannot destroy it. A common rule is three copies, on two kinds of ' +
            'storage, one of them off site.',
        },
        {
          text: 'Back up the data held in cloud services',
          guidance:
            'Done when data in your email, office suite and other online services is backed up or exported on a ' +
            'schedule, or the risk of relying on the provider alone has been recorded and accepted.',
        },
        {
          text: 'Test a restore against the RTO and RPO',
          guidance:
            'Done when a restore of each critical system has been tried at least once a year, timed, and the result ' + 'compared with its RTO and RPO.',
        },
        {
          text: 'Keep access to backups independent of the main systems',
          guidance:
            'Done when the credentials and instructions needed to reach the backups are stored securely offline, so ' +
            'that they still work when the main sign-in system is unavailable.',
        },
      ],
    },
    {
      title: 'Where records and backups are',
      role: 'records',
      guidance:
        'One item per record or data set the organisation cannot do without. Say where the master copy lives, where ' +
        'each backup is (and which one is offline or cannot be changed), and how to reach the backups when the usual ' +
        'sign-in is down. The grab pack prints this list. The examples are common for a small organisation: replace ' +
        'them with your own.',
      fields: [...RECORDS_FIELDS],
      items: [
        {
          text: 'Customer and order database',
          guidance: 'Done when the locations are real and a restore has been tried.',
          values: {
            masterCopy: 'Managed database at the cloud hosting provider',
            backupCopy: 'Nightly export to a second provider; weekly copy on an encrypted drive in the office safe',
          },
        },
        {
          text: 'Email, calendars and shared files',
          guidance: 'Done when you know whether the suite itself is backed up, and where the exports go.',
          values: { masterCopy: 'Office suite', backupCopy: 'Backup service for the suite, kept under a separate account' },
        },
        {
          text: 'Accounts and payroll records',
          guidance: 'Done when the accountant confirms where their copies are and how to get them quickly.',
        },
        {
          text: 'This continuity plan',
          guidance:
            'Done when printed copies and an exported file are kept where people can reach them with every screen down, ' + 'and replaced after each review.',
          values: {
            masterCopy: "Continuity Kit on the continuity owner's laptop",
            backupCopy: 'Printed grab pack at home with the crisis lead and deputy; Export all file on a USB stick',
          },
        },
      ],
    },
    {
      title: 'Testing and maintenance',
      guidance:
        'The last steps of NIST SP 800-34: testing, training and exercises, then plan maintenance. Until it has been ' +
        'tested, a plan is a set of assumptions.',
      items: [
        {
          text: 'Review the plan at least once a year',
          guidance: 'Done when the plan owner reviews the whole plan each year and records who reviewed it and when.',
        },
        {
          text: 'Review the plan after every incident, exercise or major change',
          guidance:
            'Done when a review follows any real disruption, exercise, new system, new key supplier, office move or ' +
            'change of key people, and the changes made are recorded.',
        },
        {
          text: 'Exercise the plan at least once a year',
          guidance:
            'Done when at least one exercise is held each year, for example a tabletop based on a cloud provider outage, ' +
            'and its findings are tracked until closed. The drill programme template can help.',
        },
        {
          text: 'Keep a printed copy of the plan up to date',
          guidance:
            'Done when printed copies are held by the crisis lead, their deputy and each site, each shows its version ' + 'date, and old copies are destroyed.',
        },
        {
          text: 'Check the contact tree every quarter',
          guidance: 'Done when every number has been confirmed in the last three months and changes for joiners and leavers are ' + 'made promptly.',
        },
        {
          text: 'Train new staff on their part in the plan',
          guidance: 'Done when joiners learn during induction where the plan is kept, how they will be contacted and what is ' + 'expected of them.',
        },
      ],
    },
  ],
}
