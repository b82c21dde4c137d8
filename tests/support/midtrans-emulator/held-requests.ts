import type { ServerResponse } from 'node:http';

/** Requests the emulator never answers (timeout faults), hung up later or at close. */
export type HeldRequests = {
  hold: (response: ServerResponse) => void;
  releaseAll: () => void;
};

export function createHeldRequests(hangUpAfterMs: number): HeldRequests {
  const held = new Map<ServerResponse, NodeJS.Timeout>();
  const hangUp = (response: ServerResponse) => {
    clearTimeout(held.get(response));
    held.delete(response);
    response.socket?.destroy();
  };
  return {
    hold: (response) => {
      held.set(
        response,
        setTimeout(() => hangUp(response), hangUpAfterMs),
      );
      response.on('close', () => {
        clearTimeout(held.get(response));
        held.delete(response);
      });
    },
    releaseAll: () => {
      for (const response of [...held.keys()]) hangUp(response);
    },
  };
}
