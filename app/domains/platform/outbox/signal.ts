// A process-local "there is new outbox work" signal, so a freshly written event is relayed at once
// instead of at the next poll. Kept apart from the processor so writers import nothing heavy.
type Listener = () => void;
const listeners = new Set<Listener>();

export function signalOutbox(): void {
  for (const listener of listeners) listener();
}

export function onOutboxSignal(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
