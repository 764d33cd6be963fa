// Built-in scenario: ransomware encrypts the shared file server, and the attackers claim to have
// copied data.
import type { Scenario } from '../../domain/drill-model'

export const ransomwareScenario: Scenario = {
  id: 'scenario-ransomware',
  version: 1,
  title: 'Ransomware on the file server',
  summary:
    'Files on the shared server are encrypted overnight and a ransom note appears. The attackers say they copied data ' +
    'first. Backups exist, but nobody has restored from them recently.',
  objectives: [
    'Contain the attack without destroying evidence',
    'Decide who is told (insurer, regulator, police, customers) and by when',
    'Restore critical data from backups within the recovery time objective',
    'Make a clear, recorded decision on the ransom demand',
  ],
  planKinds: ['incident-response', 'continuity'],
  injects: [
    {
      id: 'ransomware-1',
      offsetMinutes: 0,
      title: 'Files will not open',
      happens: 'Staff find that documents on the shared drive have strange extensions and will not open. A text file named READ_ME is in every folder.',
      playersTold: 'At 08:45 staff report that files on the shared drive will not open. Every folder has a new file called READ_ME.txt.',
      questions: ['What is the first thing you do, and what must nobody do?', 'Who leads the response?'],
      expectedSteps: ['Name an incident lead and a deputy', 'Open an incident record and a decision log'],
    },
    {
      id: 'ransomware-2',
      offsetMinutes: 10,
      title: 'The ransom note',
      happens: 'The note demands payment within 72 hours and claims that customer data has been copied.',
      playersTold:
        'The note demands payment in cryptocurrency within 72 hours. It says customer records have been copied and will be published if you do not pay.',
      questions: ['Do you disconnect the server or the whole network?', 'How do you preserve evidence?'],
      expectedSteps: ['Choose a containment approach and record why', 'Preserve evidence before changing systems'],
    },
    {
      id: 'ransomware-3',
      offsetMinutes: 20,
      title: 'Who must be told',
      happens: 'Personal data may have been taken. Your cyber insurance has a notification line with conditions.',
      playersTold: 'Customer records may have been copied. Your insurance policy says you must call their incident line before engaging anyone else.',
      questions: ['Does this have to be reported to the regulator, and by when?', 'Who calls the insurer, and who calls the police?'],
      expectedSteps: [
        'Decide whether personal data is involved',
        'Notify regulators, insurers and authorities where required',
        'Check what your cyber insurance requires',
      ],
    },
    {
      id: 'ransomware-4',
      offsetMinutes: 35,
      title: 'The backups',
      happens: 'The nightly backup drive was connected to the server. The cloud backup is intact but has never been restored in full.',
      playersTold:
        'The backup drive attached to the server is also encrypted. The cloud backup looks intact, but nobody has restored from it before. A full restore may take two days.',
      questions: ['Which data do you restore first?', 'How do you know the restored data is clean?'],
      expectedSteps: ['Restore from known-good backups', 'Keep at least one backup copy apart from the live systems', 'Test a restore against the RTO and RPO'],
    },
    {
      id: 'ransomware-5',
      offsetMinutes: 50,
      title: 'Pay?',
      happens: 'A senior manager suggests paying to get back to work quickly.',
      playersTold: 'A director asks: "Why don\'t we just pay? It would be cheaper than two days of downtime."',
      questions: ['Who decides, on what grounds, and how is it recorded?', 'What does your insurer and the law say about paying?'],
      expectedSteps: ['Name the senior decision-maker'],
    },
    {
      id: 'ransomware-6',
      offsetMinutes: 65,
      title: 'Working without files',
      happens: 'Staff need price lists, contracts and templates that were on the server.',
      playersTold: 'Sales needs price lists and contract templates that were on the server. A customer meeting is due this afternoon.',
      questions: ['What can people work from in the meantime?', 'Which critical records have copies elsewhere?'],
      expectedSteps: ['List critical records and where the master copies live', 'Prepare paper forms for critical processes'],
    },
    {
      id: 'ransomware-7',
      offsetMinutes: 80,
      title: 'Telling customers',
      happens: 'A journalist emails asking whether you have been hacked.',
      playersTold: 'A local journalist emails: "We have been told your company has been hit by ransomware and customer data is for sale. Can you comment?"',
      questions: ['What do you say, and who says it?', 'When and how do you tell affected customers?'],
      expectedSteps: ['Prepare holding statements in advance', 'Update customers and partners at set intervals'],
    },
  ],
  hotWash: [
    'Did we contain the attack without destroying evidence?',
    'Did we know whom to tell, and by when?',
    'How long would a restore really take, and is that within our RTO?',
    'Was the ransom decision clear, and who made it?',
    'What must change in how we keep backups?',
  ],
  updatedAt: null,
}
