/**
 * Seeds the e2e warehouse before the server starts. The shell specs need an empty warehouse
 * (onboarding); page specs that need a demo store create it through the app or the CLI.
 */
export async function seedE2eWarehouse(_dataDir: string): Promise<void> {
  // Intentionally empty until the page specs need a pre-built store.
}
