/**
 * Runs jobs one at a time, in arrival order, so two callers never interleave on one
 * model (ONNX sessions and the KV cache are not reentrant).
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Jobs queued or running. */
  get size(): number {
    return this.waiting;
  }

  /** Queues `job`; its result (or error) is returned once every earlier job has settled. */
  run<T>(job: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(job).finally(() => {
      this.waiting--;
    });
    // Keep the chain alive whatever this job does; its caller sees the rejection.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
