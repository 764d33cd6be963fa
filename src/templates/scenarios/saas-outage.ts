// Built-in scenario: a software-as-a-service supplier the business runs on is down for a whole
// working day, and its own status page is down with it.
import type { Scenario } from '../../domain/drill-model'

export const saasOutageScenario: Scenario = {
  id: 'scenario-saas-outage',
  version: 1,
  title: 'A key online service is down for a working day',
  summary:
    'The online service you use to run orders and customer records (your CRM or booking system) is unavailable from ' +
    'opening time until the evening. The supplier gives little information.',
  objectives: [
    'Know which business functions depend on the supplier and how long each can wait',
    'Run the critical functions by workaround for a full day',
    'Get reliable information from the supplier and escalate through the right route',
    'Decide what to change in the supplier relationship afterwards',
  ],
  planKinds: ['continuity', 'supplier-review'],
  injects: [
    {
      id: 'saas-outage-1',
      offsetMinutes: 0,
      title: 'Login fails',
      happens: 'At opening time nobody can sign in to the online service. The error page says "maintenance".',
      playersTold: 'It is 09:00. Nobody can sign in to the system you use for orders and customer records. It shows a maintenance page.',
      questions: ['Who checks what is happening, and where do they look?', 'Which functions stop right now?'],
      expectedSteps: ['Record provider status pages and support routes', 'Link each supplier to the business functions that rely on it'],
    },
    {
      id: 'saas-outage-2',
      offsetMinutes: 10,
      title: 'No news from the supplier',
      happens: "The supplier's status page is also down. The support line plays a recorded message.",
      playersTold: 'The supplier\'s status page does not load either. Their support line plays a recorded message about "an unplanned incident".',
      questions: ['What other routes to the supplier do you have?', 'Is there an account manager or a contract clause on incident notice?'],
      expectedSteps: ['Record provider status pages and support routes'],
    },
    {
      id: 'saas-outage-3',
      offsetMinutes: 25,
      title: 'Customers are waiting',
      happens: 'Customers expect confirmations and bookings. Staff do not have customer details outside the system.',
      playersTold: "Customers are calling to confirm today's bookings and deliveries. Staff cannot see customer details or order history.",
      questions: ["Do you have an offline copy of today's orders or bookings?", 'What do staff say to customers?'],
      expectedSteps: ['Keep offline copies of essential lists', 'Answer customer support'],
    },
    {
      id: 'saas-outage-4',
      offsetMinutes: 40,
      title: 'Invoke or wait?',
      happens: 'Three hours in, an engineer posts on social media that the service "should be back soon". There is no official estimate.',
      playersTold: 'It is 12:00. An unofficial post says the service "should be back soon". The supplier has still given no official estimate.',
      questions: ['Does this meet your invocation criteria?', 'Which functions pass their maximum tolerable outage today?'],
      expectedSteps: ['Set the invocation criteria', 'Take customer orders'],
    },
    {
      id: 'saas-outage-5',
      offsetMinutes: 55,
      title: 'Data worries',
      happens: "The supplier confirms the outage but cannot say whether yesterday's data is intact.",
      playersTold:
        'The supplier finally emails: service will return this evening, but they cannot yet confirm that data entered yesterday afternoon is intact.',
      questions: ['Do you have your own export or backup of the data in this service?', 'How much data loss could you accept?'],
      expectedSteps: ['Back up the data held in cloud services', 'Test a restore against the RTO and RPO'],
    },
    {
      id: 'saas-outage-6',
      offsetMinutes: 75,
      title: 'Back at 19:00',
      happens: 'The service returns at 19:00 with all data. A day of paper orders must be entered.',
      playersTold: 'At 19:00 the service is back with all data. There is a pile of paper orders and notes to enter.',
      questions: ['Who enters the manual work, and how do you check nothing was missed?', 'What will you ask the supplier for in their incident report?'],
      expectedSteps: ['Define how manual work is entered back afterwards', "Read the provider's incident review when it is published"],
    },
  ],
  hotWash: [
    'Which functions did we not realise depended on this supplier?',
    'Did our workarounds last a whole day?',
    'Could we reach the supplier when it mattered?',
    'Should we keep our own copy of the data, or have an alternative supplier?',
  ],
  updatedAt: null,
}
