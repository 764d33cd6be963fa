// Built-in scenario: a flood of traffic against the cloud provider you depend on, made worse by the
// provider's own defences, with services down for most of a working day (after the July 2024 outage
// described in the seed article).
import type { Scenario } from '../../domain/drill-model'

export const cloudDdosScenario: Scenario = {
  id: 'scenario-cloud-ddos',
  version: 1,
  title: 'Cloud provider down: an attack its own defences made worse',
  summary:
    'Your cloud provider is hit by a flood of traffic. Its automatic protection, wrongly rolled out, makes the outage ' +
    'worse instead of better, and the services you run on it are unreachable for most of the day.',
  objectives: [
    'Recognise a provider outage quickly and confirm it from the provider, not from guesses',
    'Decide within 30 minutes whether to invoke the continuity plan',
    'Keep customers informed while your own website and email may be down',
    'Know which business functions depend on the provider and which workarounds cover them',
  ],
  planKinds: ['incident-response', 'continuity', 'supplier-review'],
  injects: [
    {
      id: 'cloud-ddos-1',
      offsetMinutes: 0,
      title: 'Slow, then nothing',
      happens: 'Mid-morning, the online shop and the customer portal become slow, then time out. Staff report it in the chat.',
      playersTold: 'It is 10:05 on a Tuesday. Several staff say the customer portal will not load and the online shop times out. Email still works, slowly.',
      questions: ['Who is told first, and how?', "How do you tell whether the fault is yours or your provider's?"],
      expectedSteps: ['Give staff one simple way to report a suspected incident', 'Check provider status pages before assuming the fault is yours'],
    },
    {
      id: 'cloud-ddos-2',
      offsetMinutes: 10,
      title: 'The status page admits a problem',
      happens: 'The provider\'s status page reports "an unexpected usage spike" affecting a region. No estimate of recovery.',
      playersTold:
        'The provider\'s status page now shows: "We are investigating an unexpected usage spike causing errors for some customers in your region." No time for a fix is given.',
      questions: ['Do you open an incident record, and who keeps the decision log?', 'What severity is this, and who may declare it?'],
      expectedSteps: ['Open an incident record and a decision log', 'Assign a severity level and escalate'],
    },
    {
      id: 'cloud-ddos-3',
      offsetMinutes: 20,
      title: 'Customers start calling',
      happens: 'Customers phone and post on social media. A large customer asks when their orders will ship.',
      playersTold: "The phone is ringing. A key customer asks whether today's orders will ship, and two customers have posted publicly that your site is down.",
      questions: [
        'What do you tell customers now, and through which channel?',
        'Who may speak publicly for the organisation?',
        'Is there a holding statement ready?',
      ],
      expectedSteps: ['Prepare holding statements in advance', 'Plan how to reach customers when your provider is down'],
    },
    {
      id: 'cloud-ddos-4',
      offsetMinutes: 35,
      title: 'The defences made it worse',
      happens: 'Press reports say the provider is under a denial-of-service attack and that its protection, wrongly rolled out, amplified it.',
      playersTold:
        'News sites report that the provider is under a large denial-of-service attack, and that its own protection "amplified the impact rather than mitigating it". Recovery could take hours.',
      questions: ['Does this change your estimate of how long you will be down?', 'Do you invoke the continuity plan, and who decides?'],
      expectedSteps: ['Set the invocation criteria', 'Switch to continuity workarounds when an outage will outlast its RTO'],
    },
    {
      id: 'cloud-ddos-5',
      offsetMinutes: 50,
      title: 'An urgent change is proposed',
      happens: 'Your IT support provider suggests moving the shop to another region at once, with no tested rollback.',
      playersTold:
        'Your IT support provider proposes moving the shop to another region right away. They have not done it before and there is no tested way back.',
      questions: ['Who approves an emergency change, and what must be in place first?', "What could make things worse, as the provider's own defences did?"],
      expectedSteps: ['Make no defensive change without a way to roll it back', 'Set up emergency change control with a rollback for every change'],
    },
    {
      id: 'cloud-ddos-6',
      offsetMinutes: 70,
      title: 'Orders on paper',
      happens: 'Four hours in, the shop is still down. Orders pile up by phone and email.',
      playersTold: 'It is now 14:00. The shop and portal are still down. Orders are arriving by phone and email, and the warehouse asks what to pick.',
      questions: ['Which workaround do you use to take and fulfil orders?', 'How will orders taken by hand be entered afterwards?'],
      expectedSteps: ['Prepare paper forms for critical processes', 'Define how manual work is entered back afterwards', 'Take customer orders'],
    },
    {
      id: 'cloud-ddos-7',
      offsetMinutes: 90,
      title: 'Service returns',
      happens:
        'After network changes at the provider, services come back about nine hours after the start. The provider promises an incident review within 72 hours.',
      playersTold:
        'At 19:10 the provider reports that network configuration changes have restored service. It will publish an incident review within 72 hours.',
      questions: [
        'How do you confirm that everything works before standing down?',
        "What will you check in the provider's incident review?",
        'Does this change how much you rely on one provider?',
      ],
      expectedSteps: [
        'Confirm recovery before standing down',
        "Read the provider's incident review when it is published",
        'Count the functions that depend on each provider',
      ],
    },
  ],
  hotWash: [
    "How long did it take us to know the problem was the provider's, and how could it be faster?",
    'Which decision took longest, and what would have made it easier?',
    'Could we reach customers with our own website and email down?',
    'Which functions had no workaround?',
    'What one change would help most before a real outage?',
  ],
  updatedAt: null,
}
