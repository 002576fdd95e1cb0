import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SettingsSchema, type Settings, type SettingsPatch, type SettingsStore } from '../../../shared/contract/settings';

/** Browser mode and the CLI keep settings in a JSON file beside the warehouse. */
export class JsonFileSettingsStore implements SettingsStore {
  private current: Settings;

  constructor(private readonly file: string) {
    this.current = this.read();
  }

  get(): Settings {
    return this.current;
  }

  update(patch: SettingsPatch): Settings {
    this.current = SettingsSchema.parse({ ...this.current, ...patch });
    mkdirSync(path.dirname(this.file), { recursive: true });
    // Write then rename, so a crash mid-write never leaves half a settings file.
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(this.current, null, 2));
    renameSync(temp, this.file);
    return this.current;
  }

  private read(): Settings {
    if (!existsSync(this.file)) return SettingsSchema.parse({});
    try {
      return SettingsSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // A damaged settings file must not stop the app: fall back to defaults, keep the file.
      return SettingsSchema.parse({});
    }
  }
}
