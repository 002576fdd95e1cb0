import type { AppEvent, EventListener, EventName, EventPayloads } from '../../shared/events';

/** The backend's outgoing events; each transport (IPC, SSE) subscribes once and forwards. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<K extends EventName>(name: K, payload: EventPayloads[K]): void {
    const event = { name, payload } as AppEvent;
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
