// Built-in template: a drill and exercise programme, using HSEEP exercise types and the CISA
// tabletop exercise (CTEP) structure, with scenarios drawn from the July 2024 outages.
import type { PlanTemplate } from '../domain/template-model'

const EXERCISE_TYPES = ['Seminar', 'Workshop', 'Tabletop', 'Game', 'Drill', 'Functional', 'Full-scale']

export const drillProgrammeTemplate: PlanTemplate = {
  id: 'drill-programme',
  version: 1,
  kind: 'drill-programme',
  title: 'Drill and exercise programme',
  summary: 'Plan, run and learn from exercises that test your incident response and continuity plans.',
  description:
    'A yearly programme of exercises, using the exercise types of the Homeland Security Exercise and Evaluation ' +
    "Program (HSEEP) and the tabletop structure of CISA's Tabletop Exercise Packages (CTEP). The outages of July " +
    '2024 showed that plans only help if the people named in them can carry them out; exercises are how you find ' +
    'out. The scenario ideas are drawn from those outages and from common threats to small organisations.',
  reviewEveryDays: 365,
  sections: [
    {
      title: 'Programme and objectives',
      guidance:
        'Decide what the programme should prove and who runs it. Start with discussion-based exercises and build ' +
        'towards operations-based ones as the plans mature: this progressive approach is central to HSEEP.',
      items: [
        {
          text: 'Name a programme owner',
          guidance:
            "Done when one person is responsible for planning the year's exercises, booking people's time and making " + 'sure findings are followed up.',
        },
        {
          text: "Set the programme's objectives",
          guidance:
            'Done when three to five objectives are linked to your plans, for example "the response team can be ' +
            'assembled within 30 minutes" or "orders can be taken on paper within four hours of an outage".',
        },
        {
          text: 'Decide who takes part',
          guidance:
            'Done when each exercise has the right players, including deputies and not only the usual people, and ' +
            'senior managers take part at least once a year.',
        },
        {
          text: "Plan the year's exercises",
          guidance:
            'Done when the schedule has at least one discussion-based and one operations-based exercise for the year, ' +
            'each with a date, type and facilitator.',
        },
        {
          text: "Report the programme's results to management",
          guidance: 'Done when a short yearly summary of exercises held, findings raised and actions closed has gone to the ' + 'senior sponsor.',
        },
      ],
    },
    {
      title: 'Exercise types',
      guidance:
        'HSEEP groups exercises into two families. Discussion-based exercises (seminar, workshop, tabletop, game) talk ' +
        'through plans and decisions. Operations-based exercises (drill, functional, full-scale) have people actually ' +
        'carry out tasks. This app runs tabletop exercises offline and records the others.',
      items: [
        {
          text: 'Use a seminar to introduce a new or changed plan',
          guidance: 'Done when the people affected by a new plan have had a short, informal walkthrough of what it asks of them.',
        },
        {
          text: 'Use a workshop to build or improve part of a plan',
          guidance:
            'Done when a workshop has produced something concrete, such as the business impact figures or the contact ' +
            'tree, agreed by the people who will use it.',
        },
        {
          text: 'Run a tabletop exercise to test decisions',
          guidance:
            'Done when key people have talked through a realistic scenario and the gaps they found are recorded. See the ' + 'tabletop structure below.',
        },
        {
          text: 'Consider a game to explore choices under pressure',
          guidance:
            'Done when, if used, a game has tested competing decisions and their consequences, for example teams choosing ' +
            'which functions to restore first with too few staff, and its lessons are recorded.',
        },
        {
          text: 'Run drills to test single procedures',
          guidance:
            'Done when specific procedures have been carried out for real and timed, for example restoring a backup, ' +
            'switching to a backup internet connection or running the contact tree.',
        },
        {
          text: 'Run a functional exercise when several teams must work together',
          guidance:
            'Done when, if used, teams have carried out their roles in a simulated incident without moving real staff ' +
            'or equipment, and coordination problems are recorded.',
        },
        {
          text: 'Keep full-scale exercises for mature plans',
          guidance:
            'Done when a decision is recorded on whether a full-scale exercise, with real people and resources deployed, ' +
            'is proportionate. For most small organisations, drills and tabletops give more value for the effort.',
        },
      ],
    },
    {
      title: 'Schedule',
      guidance:
        'One item per planned exercise. Spread them through the year and avoid your busiest periods. The examples show ' +
        'a modest year for a small organisation; set your own dates, types and facilitators.',
      fields: [
        { id: 'date', label: 'Planned date', type: 'date' },
        { id: 'type', label: 'Exercise type', type: 'select', options: EXERCISE_TYPES },
        { id: 'facilitator', label: 'Facilitator', type: 'contact' },
        { id: 'plan', label: 'Plan tested', type: 'text' },
      ],
      items: [
        {
          text: 'Call-tree timing test',
          guidance: 'Done when the test has run on the planned date and the time taken to reach everyone is recorded.',
          values: { type: 'Drill', plan: 'Business continuity plan' },
        },
        {
          text: 'Workshop: review the business impact analysis',
          guidance: 'Done when each function owner has confirmed or corrected the RTO, RPO and MTPD for their functions and the ' + 'plan has been updated.',
          values: { type: 'Workshop', plan: 'Business continuity plan' },
        },
        {
          text: 'Tabletop: cloud provider outage made worse by its own defences',
          guidance: 'Done when the exercise has been held, the hot wash recorded and the after-action report shared.',
          values: { type: 'Tabletop', plan: 'Incident response procedure; business continuity plan' },
        },
        {
          text: 'Drill: restore a critical system from backup',
          guidance: 'Done when a restore has been carried out and timed, and the result compared with the RTO and RPO in the ' + 'business impact analysis.',
          values: { type: 'Drill', plan: 'Business continuity plan' },
        },
        {
          text: 'Tabletop: ransomware',
          guidance: 'Done when the exercise has been held, the hot wash recorded and the after-action report shared.',
          values: { type: 'Tabletop', plan: 'Incident response procedure' },
        },
      ],
    },
    {
      title: 'Tabletop exercise structure',
      guidance:
        "Steps for a tabletop exercise, following the structure of CISA's Tabletop Exercise Packages (CTEP). A first " +
        'tabletop usually takes 90 minutes to two hours with five to ten people.',
      items: [
        {
          text: 'Write the objectives and scope',
          guidance:
            'Done when the exercise has two to four objectives and a stated scope: which plan, which teams, which ' + 'systems, and what is out of bounds.',
        },
        {
          text: 'Choose a facilitator, the players and a note-taker',
          guidance:
            'Done when a facilitator who knows the scenario leads it, the players are the people who would really ' +
            'respond, and someone is ready to record decisions and times.',
        },
        {
          text: 'Write the scenario in modules',
          guidance:
            'Done when the scenario is told in two or three modules that move forward in time, for example first signs, ' +
            'escalation and recovery, each opening with a short summary of the situation.',
        },
        {
          text: 'Prepare injects with set times',
          guidance:
            "Done when each module has a few injects, new facts such as a customer complaint or a provider's status " +
            'update, each on a card showing when it is revealed.',
        },
        {
          text: 'Write discussion questions for each module',
          guidance:
            'Done when each module has three to five questions that test the plan, such as "who decides to switch to ' +
            'paper orders?" or "how do we tell customers if our email is down?".',
        },
        {
          text: 'Set the ground rules at the start',
          guidance:
            'Done when players have been told that the exercise is no-fault, that it tests the plan and not the people, ' +
            'that no real systems will be touched, and how decisions will be logged.',
        },
        {
          text: 'Hold a hot wash immediately afterwards',
          guidance: 'Done when, straight after the exercise, players have said what went well and what must change, and the ' + 'facilitator has captured it.',
        },
        {
          text: 'Write the after-action report within two weeks',
          guidance:
            'Done when a short report covers the scenario, what happened, strengths and findings, and has been shared ' +
            'with all players, including those without access to this tool.',
        },
        {
          text: 'Turn each finding into an improvement plan entry',
          guidance: 'Done when each finding has an action, one owner and a due date, and the actions are tracked in the ' + 'relevant plan until closed.',
        },
      ],
    },
    {
      title: 'Call-tree timing test',
      guidance:
        'A short drill that measures how long it takes to reach everyone in the contact tree. It finds wrong numbers ' +
        'and missing deputies faster than any desk review.',
      items: [
        {
          text: 'Set a target time',
          guidance: 'Done when a target is agreed, for example the response team reached within 30 minutes and all staff within ' + 'two hours.',
        },
        {
          text: 'Start the test from the crisis lead and log each call',
          guidance:
            'Done when each caller has recorded the time they reached each person, or that they could not, and passed ' + 'the call on as the tree says.',
        },
        {
          text: 'Run the test out of hours at least once a year',
          guidance:
            'Done when at least one test a year starts in the evening or at a weekend, because real incidents do not keep ' +
            'office hours. Warn people that a test is coming without giving the exact time.',
        },
        {
          text: 'Fix every wrong number and gap',
          guidance:
            'Done when each failed contact has been corrected in the contact tree within a week and the total time has ' + 'been compared with the target.',
        },
      ],
    },
    {
      title: 'Scenario ideas',
      guidance:
        'Scenarios grounded in the outages of July 2024 and in common threats to small organisations. Adapt them to ' +
        'your own suppliers and functions: a scenario that names your real systems teaches far more.',
      items: [
        {
          text: 'A DDoS attack on your cloud provider, made worse by its own defences',
          guidance:
            "Tests dependence on one provider and customer communication. Possible injects: the provider's status page " +
            'reports a usage spike, your shop stops responding, the provider says its DDoS protection amplified the ' +
            'attack, and service returns after ten hours. Done when it has been run and its findings recorded.',
        },
        {
          text: 'A faulty security software update disables staff laptops',
          guidance:
            'Tests device recovery and working without laptops. Possible injects: most laptops fail to start one ' +
            'morning, the vendor publishes a manual fix, and recovery keys are needed for every device. Done when it has ' +
            'been run and its findings recorded.',
        },
        {
          text: 'A key online service supplier is down for ten hours',
          guidance:
            'Tests workarounds and supplier communication. Possible injects: no estimate for a fix, customers waiting on ' +
            'work that depends on it, and a partner asking about your deliveries. Done when it has been run and its ' +
            'findings recorded.',
        },
        {
          text: 'The office network is lost',
          guidance:
            'Tests the "whole network unusable" strategy. Possible injects: the internet line and the office network fail ' +
            'together, the provider quotes two days for a repair, and staff ask whether to come in. Done when it has been ' +
            'run and its findings recorded.',
        },
        {
          text: 'Ransomware encrypts shared files',
          guidance:
            'Tests incident response, backups and notification duties. Possible injects: a ransom note, signs that data ' +
            'was copied out, the insurer asking for details and a journalist calling. Done when it has been run and its ' +
            'findings recorded.',
        },
      ],
    },
    {
      title: 'After each exercise',
      guidance: 'An exercise is only worth the time if what it found changes something. Close the loop before the next one.',
      items: [
        {
          text: 'Update the plans that were tested',
          guidance: 'Done when each plan tested has been updated with what was learned and marked as reviewed with the date and ' + 'the reviewer.',
        },
        {
          text: 'Check improvement actions are closed before the next exercise',
          guidance:
            'Done when open actions from the previous exercise have been reviewed before the next one, and repeated ' +
            'findings raised with the senior sponsor.',
        },
        {
          text: 'Keep the exercise records together',
          guidance:
            'Done when the schedule entry, decision log, after-action report and improvement plan are kept together as ' +
            'evidence for insurers, customers or auditors who ask.',
        },
      ],
    },
  ],
}
