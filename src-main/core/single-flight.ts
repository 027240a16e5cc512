/**
 * One pass of a background job at a time (the relay's forward worker, the receivers' Payments
 * list drainer): asking for a pass while one runs does not start a second beside it, it runs ONE
 * more pass after the current one, however many times it was asked. So wakes that arrive in a
 * burst cost one extra pass, and nothing asked for during a pass is missed.
 */
interface SingleFlight {
  /** Run a pass now, or once more after the one in flight. */
  request(): void;
  /** The pass in flight, to wait for on close. */
  inFlight(): Promise<void> | undefined;
}

interface SingleFlightOptions {
  /** True once the owner is closing: no new pass starts. */
  stopped(): boolean;
  /** After a pass that no request followed (e.g. arm the next poll). */
  onIdle?(): void;
}

/** `pass` must not reject: report its errors itself (a background job has nobody to throw to). */
export function singleFlight(pass: () => Promise<void>, options: SingleFlightOptions): SingleFlight {
  let running: Promise<void> | undefined;
  let again = false;
  function request(): void {
    if (options.stopped()) return;
    if (running) {
      again = true;
      return;
    }
    running = pass().finally(() => {
      running = undefined;
      if (again && !options.stopped()) {
        again = false;
        request();
      } else options.onIdle?.();
    });
  }
  return { request, inFlight: () => running };
}
