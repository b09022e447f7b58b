import { scenarioByName, type Scenario } from '../../scenarios';

/** A bench's bad input: one line naming the bench, exit code 2 (as the CLI does). */
export function refuser(bench: string): (why: string) => never {
  return (why) => {
    console.error(`${bench}: ${why}`);
    process.exit(2);
  };
}

/** The scenario a bench was asked for by name, or its refusal. */
export function scenarioOrRefuse(name: string, refuse: (why: string) => never): Scenario {
  try {
    return scenarioByName(name);
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error));
  }
}
