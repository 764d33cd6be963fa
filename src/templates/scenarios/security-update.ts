// Built-in scenario: a faulty update from a security vendor leaves most staff laptops unable to
// start (after the July 2024 endpoint-software outage the seed article mentions).
import type { Scenario } from '../../domain/drill-model'

export const securityUpdateScenario: Scenario = {
  id: 'scenario-security-update',
  version: 1,
  title: 'A faulty security update stops staff laptops',
  summary:
    'Overnight, your endpoint security vendor ships a faulty update. In the morning most Windows laptops crash at start-up ' +
    'and each must be fixed by hand.',
  objectives: [
    'Work out how many devices and which functions are affected within the first hour',
    'Keep the most critical functions running with the devices that still work',
    'Recover devices in an order driven by business priority',
    'Check that recovery keys and administrator access are available when laptops will not start',
  ],
  planKinds: ['incident-response', 'continuity', 'supplier-review'],
  injects: [
    {
      id: 'security-update-1',
      offsetMinutes: 0,
      title: 'Blue screens at 08:30',
      happens: 'As staff arrive, most Windows laptops crash and restart in a loop. Phones and the two Mac laptops work.',
      playersTold: 'It is 08:30. Staff arriving at the office say their laptops show an error screen and restart again and again. Phones work.',
      questions: ['How do staff report this, with their laptops down?', 'Who is in charge until you know more?'],
      expectedSteps: ['Give staff one simple way to report a suspected incident', 'Name an incident lead and a deputy'],
    },
    {
      id: 'security-update-2',
      offsetMinutes: 10,
      title: 'It is the security vendor',
      happens: 'The security vendor confirms that a content update is at fault and publishes a manual fix: each machine must be started in safe mode.',
      playersTold:
        'Your security vendor says a faulty update is to blame. The fix must be applied by hand on each laptop, in safe mode, and may need the disk recovery key.',
      questions: ['How many laptops are affected, and who counts them?', 'Where are the disk recovery keys, and can you reach them without a laptop?'],
      expectedSteps: ['Assess the scope and impact', 'Keep emergency administrator access ready'],
    },
    {
      id: 'security-update-3',
      offsetMinutes: 20,
      title: 'Payroll day',
      happens: 'Today is the payroll cut-off. The finance laptop is one of those affected.',
      playersTold: 'Finance reminds you that payroll must be submitted by 15:00 today. The finance laptop will not start.',
      questions: ['Which functions must be recovered first?', 'Can payroll run from another device or through a workaround?'],
      expectedSteps: ['Pay staff', 'Plan for many staff devices failing at once'],
    },
    {
      id: 'security-update-4',
      offsetMinutes: 35,
      title: 'Not enough hands',
      happens: 'Your IT support provider is overwhelmed: every client has the same problem. They can send one person, this afternoon.',
      playersTold:
        'Your IT support provider says all their clients are affected. One engineer can come this afternoon. Staff offer to fix their own laptops from instructions.',
      questions: ['Do you let staff apply the fix themselves? What are the risks?', 'Does your contract with the IT provider say anything about priority?'],
      expectedSteps: ['Record your external responders', 'Choose a containment approach and record why'],
    },
    {
      id: 'security-update-5',
      offsetMinutes: 50,
      title: 'A convincing "fix" email',
      happens: 'Staff receive an email claiming to be from the vendor with a link to an "emergency repair tool". It is a phishing attempt.',
      playersTold:
        'Several staff forward an email that claims to come from the security vendor, with a link to an "emergency repair tool". One person has already clicked.',
      questions: ['How do you warn staff quickly without email on their laptops?', 'What happens now for the person who clicked?'],
      expectedSteps: ['Keep staff informed and tell them what to say', 'Preserve evidence before changing systems'],
    },
    {
      id: 'security-update-6',
      offsetMinutes: 70,
      title: 'Most machines back',
      happens: 'By late afternoon most laptops are fixed. Three cannot be recovered without a rebuild.',
      playersTold: 'By 17:00 most laptops work again. Three need rebuilding and one has local files that were never backed up.',
      questions: ['What do you tell the vendor, your insurer and customers?', 'What do you learn about files kept only on laptops?'],
      expectedSteps: ['Confirm recovery before standing down', 'Keep at least one backup copy apart from the live systems'],
    },
  ],
  hotWash: [
    'How long did it take to know how many devices were affected?',
    'Were recovery keys and admin access where we thought they were?',
    'Did we recover devices in the right order?',
    'What would we change in our contract or arrangements with the security vendor or IT provider?',
  ],
  updatedAt: null,
}
