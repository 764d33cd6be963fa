// Built-in template: a supplier dependency review, arranged in the four stages of the NCSC
// supply chain security principles, with attention to concentration risk and fourth parties.
import { SUPPLIER_REGISTER_FIELDS } from '../domain/section-roles'
import type { PlanTemplate } from '../domain/template-model'
import { supplierRoles, supplierSteps } from './response-steps'

export const supplierReviewTemplate: PlanTemplate = {
  id: 'supplier-review',
  version: 4,
  kind: 'supplier-review',
  title: 'Supplier dependency review',
  summary: 'Know which suppliers your work depends on, what happens if one fails, and what you will do about it.',
  description:
    'A review of the suppliers and online services the organisation depends on, arranged in the four stages of ' +
    "the NCSC's supply chain security principles: understand the risks, establish control, check your " +
    'arrangements, and continuous improvement. It pays particular attention to concentration risk: in July 2024, ' +
    'businesses that ran many functions on one cloud provider lost them all at once for up to ten hours. Review ' +
    'critical suppliers every six months.',
  reviewEveryDays: 180,
  sections: [
    {
      title: 'Stage 1: Understand the risks',
      guidance:
        'The first stage of the NCSC supply chain security principles: know what needs protecting, who your suppliers ' +
        'are, and what risks they bring. Start broad; free services and those paid by card are suppliers too.',
      items: [
        {
          text: 'List every supplier and online service you use',
          guidance:
            'Done when the supplier register includes every provider with access to your systems, data or premises, or ' +
            'that a business function depends on. Bank statements and card bills are a good place to start.',
        },
        {
          text: 'Link each supplier to the business functions that rely on it',
          guidance: 'Done when each supplier in the register names the functions from the business impact analysis that stop ' + 'or slow down without it.',
        },
        {
          text: "Rate each supplier's criticality",
          guidance:
            'Done when every supplier has a criticality from Low to Critical, based on the impact if it stopped, and ' +
            'Critical suppliers are reviewed first.',
        },
        {
          text: 'Flag single points of failure',
          guidance:
            'Done when every supplier that a Critical or High function depends on without an alternative is flagged, and ' +
            'each flag has an owner who will decide whether to accept, reduce or remove the risk.',
        },
      ],
    },
    {
      title: 'Supplier register',
      guidance:
        'One item per supplier. The examples are common for a small organisation: replace them with your own and ' +
        'delete any you do not use. Record the outcome of each review as OK, Warning (points to follow up) or Blocker ' +
        '(a risk you cannot accept without action).',
      role: 'supplier-register',
      fields: [...SUPPLIER_REGISTER_FIELDS],
      items: [
        {
          text: 'Cloud hosting provider',
          guidance:
            'Done when the entry matches your real hosting arrangement, including the region you use and whether a ' +
            'second region or provider would be practical.',
          values: {
            service: 'Hosting for the website, online shop and customer database',
            criticality: 'Critical',
            alternative: 'None yet; assess a second region or provider',
            exitPlan: 'Keep build scripts and nightly data exports so the shop can be rebuilt elsewhere',
            outcome: 'Warning',
          },
        },
        {
          text: 'Email and office suite',
          guidance:
            'Done when you have checked how much depends on this one suite, including sign-in to other services, and ' +
            'recorded what still works if it is down for a working day.',
          values: {
            service: 'Email, calendars, file storage, chat and sign-in',
            criticality: 'Critical',
            alternative: 'Phone contact tree and a messaging group on mobile phones',
            exitPlan: 'Regular exports of mailboxes and files to storage outside the suite',
            outcome: 'Warning',
          },
        },
        {
          text: 'Payment processor',
          guidance: 'Done when you know what happens to sales if card payments stop, and whether a second provider could be ' + 'switched on quickly.',
          values: {
            service: 'Card payments online and in person',
            criticality: 'High',
            alternative: 'Bank transfer for larger orders; second provider to assess',
            outcome: 'OK',
          },
        },
        {
          text: 'Internet connection',
          guidance: 'Done when the line, its support number and its service level are recorded, and you know how the office ' + 'would work without it.',
          values: {
            service: 'Office internet access and phone lines',
            criticality: 'High',
            alternative: 'Mobile data hotspots; a backup line from a different provider',
            outcome: 'OK',
          },
        },
        {
          text: 'IT support provider',
          guidance:
            'Done when the contract states emergency response times and out-of-hours cover, and you know who else could ' +
            'help if this provider were unavailable.',
          values: {
            service: 'Helpdesk, device management and security monitoring',
            criticality: 'High',
            alternative: 'Second firm identified for emergencies',
          },
        },
        {
          text: 'Accounting and payroll software',
          guidance:
            'Done when you know where the financial data is held, how to export it, and how payroll would run if the ' +
            'software were unavailable on pay day.',
          values: {
            service: 'Bookkeeping, invoicing and payroll',
            criticality: 'High',
          },
        },
        {
          text: 'Endpoint security software',
          guidance:
            'Done when you know how updates from this vendor reach your devices and how you would recover if a faulty ' +
            'update disabled them, as happened worldwide in July 2024.',
          values: {
            service: 'Anti-malware and device protection on every laptop',
            criticality: 'High',
            exitPlan: 'Documented steps to start laptops in recovery mode and remove a faulty update',
          },
        },
        {
          text: 'Domain name registrar and DNS',
          guidance:
            'Done when the renewal date is known, automatic renewal is on, the account uses multi-factor ' +
            'authentication, and more than one person can get into it.',
          values: {
            service: 'Domain name, website address and email routing',
            criticality: 'Critical',
            alternative: 'None; keep the account secure and renewal automatic',
          },
        },
      ],
    },
    supplierRoles,
    supplierSteps,
    {
      title: 'Concentration risk',
      guidance:
        'Concentration risk means many functions depending on one provider. It is the case the July 2024 outage ' +
        'exposed: organisations whose websites, ticketing and shops all ran on one cloud platform lost them together ' +
        'for up to ten hours. Some concentration is sensible and cheaper; the aim is to know where it is and decide ' +
        'deliberately.',
      items: [
        {
          text: 'Count the functions that depend on each provider',
          guidance:
            'Done when you can see, for each provider, how many Critical and High functions rely on it. A provider ' +
            'carrying several critical functions deserves its own plan.',
        },
        {
          text: 'Check which services share one sign-in provider',
          guidance:
            'Done when you know which services use a single sign-in provider and what happens to all of them if it is ' +
            'unavailable, and emergency access to critical services does not depend on it.',
        },
        {
          text: 'Work out what still works if your main provider is down for ten hours',
          guidance:
            'Done when a short list shows which functions carry on, which switch to workarounds and which stop, based on ' +
            'an outage as long as the one in July 2024.',
        },
        {
          text: 'Keep a way to reach customers that uses a different provider',
          guidance:
            'Done when you can tell customers about an outage without relying on the provider that has failed, for ' +
            'example through a status page or social media account hosted elsewhere.',
        },
        {
          text: 'Decide which concentrations you accept, and record why',
          guidance:
            'Done when each significant concentration has a recorded decision (accept, reduce or spread) approved by ' +
            'the senior sponsor, with a date to revisit it.',
        },
      ],
    },
    {
      title: 'Fourth parties',
      guidance:
        "Your suppliers' own suppliers. They are hard to see but can stop your service just as surely: an online tool " +
        'you buy may run on the same cloud platform as everything else you use.',
      items: [
        {
          text: 'Ask critical suppliers which providers they rely on',
          guidance:
            'Done when each Critical supplier has told you, at least in outline, which hosting, data centre and key ' +
            'software providers its service depends on.',
        },
        {
          text: 'Check that your alternatives do not share the same underlying provider',
          guidance:
            'Done when each alternative in the register has been checked so that it would not fail for the same reason ' + 'as the supplier it replaces.',
        },
        {
          text: "Ask how suppliers will tell you about their own suppliers' incidents",
          guidance:
            'Done when critical suppliers have confirmed that incidents in their own supply chain which affect you are ' +
            'covered by their incident notification commitment.',
        },
      ],
    },
    {
      title: 'Data suppliers hold',
      guidance:
        'What information each supplier stores or processes for you, where, and how you would get it back. This matters ' +
        'for confidentiality and for recovery alike.',
      items: [
        {
          text: 'Record what data each supplier holds, where, and how sensitive it is',
          guidance:
            'Done when the register notes for each supplier the kinds of data held (for example customer, staff or ' +
            'financial), the country where it is stored, and its sensitivity.',
        },
        {
          text: 'Check a data processing agreement is in place where personal data is involved',
          guidance:
            'Done when every supplier processing personal data on your behalf has a signed agreement covering security, ' +
            'breach notification and deletion, as data protection law requires.',
        },
        {
          text: 'Test that you can export your data in a usable format',
          guidance:
            "Done when an export of each critical supplier's data has been tried, opened in another tool and found " +
            'complete. An exit plan without a working export is only a hope.',
        },
      ],
    },
    {
      title: 'Stage 2: Establish control - service levels and incident notification',
      guidance:
        'The second stage of the NCSC principles: set out what you expect of suppliers and make sure they know it. For ' +
        'continuity the key terms are availability, support, and how quickly they tell you when something goes wrong.',
      items: [
        {
          text: "Record each critical supplier's service levels",
          guidance:
            'Done when the availability commitment, support hours, response times and any service credits are noted and ' +
            'compared with the RTO of the functions that depend on the supplier.',
        },
        {
          text: 'Agree how and how quickly suppliers notify you of incidents',
          guidance:
            "Done when each critical supplier's contract or terms say how quickly they will tell you about an incident or " +
            'breach and whom they will contact, and that contact is kept current.',
        },
        {
          text: 'Subscribe to supplier status pages and note where incident reviews are published',
          guidance:
            'Done when the incident lead receives status alerts for each critical supplier, and you know where each ' +
            'publishes its post-incident reviews so they can be read afterwards.',
        },
        {
          text: "Ask for evidence of the supplier's own continuity and security",
          guidance:
            'Done when Critical suppliers have provided proportionate evidence, such as a summary of their continuity ' +
            'arrangements, an ISO 22301 or ISO/IEC 27001 certificate, a SOC 2 report or Cyber Essentials certification, ' +
            'and it is filed with the date received.',
        },
        {
          text: 'Include minimum security and continuity requirements in new contracts',
          guidance: 'Done when a short standard list of requirements is used for every new contract or renewal with a supplier ' + 'rated High or Critical.',
        },
      ],
    },
    {
      title: 'Exit plans',
      guidance:
        'How you would leave a supplier, whether by choice or because it fails or withdraws the service. A short, ' +
        'realistic exit plan for each critical supplier is worth more than a long one for all of them.',
      items: [
        {
          text: 'Write an exit plan for each Critical supplier',
          guidance:
            'Done when the exit plan for each Critical supplier names the alternative, how the data moves, who does the ' +
            'work and roughly how long it takes.',
        },
        {
          text: 'Record contract end dates and notice periods',
          guidance: "Done when each contract's end date and notice period are recorded, with a reminder set well before the " + 'notice deadline.',
        },
        {
          text: 'Consider whether a service could be brought in house',
          guidance:
            'Done when, for each Critical supplier, you have decided whether a reduced in-house version of the service ' +
            'is possible in an emergency, and recorded the answer.',
        },
      ],
    },
    {
      title: 'Stage 3: Check your arrangements',
      guidance: 'The third stage of the NCSC principles: confirm that what was agreed actually happens.',
      items: [
        {
          text: 'Review critical suppliers every six months and others yearly',
          guidance: 'Done when each review updates the register entry, sets the last-reviewed date and records the outcome as ' + 'OK, Warning or Blocker.',
        },
        {
          text: 'Follow up every Warning and Blocker',
          guidance:
            'Done when each Warning or Blocker has an action with an owner and a due date, and every Blocker has been ' + 'reported to the senior sponsor.',
        },
        {
          text: 'Review the impact after every supplier outage',
          guidance:
            'Done when each outage that affected you is noted against the supplier, its length compared with the service ' +
            'level and your RTO, and the register updated.',
        },
      ],
    },
    {
      title: 'Stage 4: Continuous improvement',
      guidance: 'The fourth stage of the NCSC principles: keep the arrangements current as suppliers, threats and the ' + 'organisation change.',
      items: [
        {
          text: 'Check security and continuity before taking on a new supplier',
          guidance:
            'Done when a short check (criticality, data held, alternatives, exit) is completed before any new supplier ' +
            'is used for a High or Critical function.',
        },
        {
          text: 'Share lessons with suppliers',
          guidance:
            'Done when significant findings from incidents and exercises involving a supplier have been discussed with ' +
            'them, and agreed improvements are recorded.',
        },
        {
          text: 'Include supplier failure in your exercises',
          guidance: 'Done when at least one exercise a year uses a supplier outage scenario, such as a key online service down ' + 'for ten hours.',
        },
      ],
    },
  ],
}
