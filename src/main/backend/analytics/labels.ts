import type { Db } from '../db/open';
import type { Dimension } from './dimensions';

export const UNKNOWN_LABEL = 'Unknown';

/** Channel keys become codes and labels; '' (no value) becomes "Unknown". */
export function dimensionLabeler(db: Db, dimension: Dimension): (key: string | number) => { key: string; label: string } {
  if (dimension !== 'channel') {
    return (key) => (key === '' ? { key: '', label: UNKNOWN_LABEL } : { key: String(key), label: String(key) });
  }
  const channels = new Map(
    db
      .prepare<[], { channel_key: number; channel_code: string; label: string }>('SELECT channel_key, channel_code, label FROM dim_channel')
      .all()
      .map((c) => [c.channel_key, c]),
  );
  return (key) => {
    const channel = channels.get(Number(key));
    return channel ? { key: channel.channel_code, label: channel.label } : { key: '', label: UNKNOWN_LABEL };
  };
}
