import type { Bridge, DroppedFile, PickedFile } from '../../shared/bridge';
import type { AppEvent, EventName } from '../../shared/events';
import { fail, type Envelope } from '../../shared/result';

const TOKEN_KEY = 'storelens.token';
const EVENT_NAMES: EventName[] = ['job.progress', 'job.finished', 'job.failed', 'data.changed'];

/**
 * The server prints a URL carrying the token in its fragment (#token=…), which browsers never
 * send anywhere. Keep it for this tab's session and clear it from the address bar.
 */
function sessionToken(): string {
  const match = /token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function upload(token: string, file: DroppedFile): Promise<PickedFile> {
  const response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: await file.arrayBuffer(),
  });
  const envelope = (await response.json()) as Envelope<PickedFile>;
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}

function chooseFiles(accept: string[] | undefined, isMultiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = isMultiple;
    if (accept) input.accept = accept.join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(Array.from(input.files ?? []));
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

export function createHttpBridge(): Bridge {
  const token = sessionToken();
  return {
    transport: 'http',
    async invoke(method, args) {
      try {
        const response = await fetch('/api/invoke', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ method, args }),
        });
        return (await response.json()) as Awaited<ReturnType<Bridge['invoke']>>;
      } catch (error) {
        return fail(new Error(`The Storelens server did not answer (${String(error)}). Is \`npm run web\` still running?`));
      }
    },
    subscribe(listener) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      for (const name of EVENT_NAMES) {
        source.addEventListener(name, (message) => {
          listener({ name, payload: JSON.parse((message as MessageEvent<string>).data) } as AppEvent);
        });
      }
      return () => source.close();
    },
    async pickFiles(options) {
      const files = await chooseFiles(options?.accept, options?.isMultiple ?? true);
      return Promise.all(files.map((file) => upload(token, file)));
    },
    async acceptDroppedFiles(files) {
      return Promise.all(files.map((file) => upload(token, file)));
    },
  } satisfies Bridge;
}
