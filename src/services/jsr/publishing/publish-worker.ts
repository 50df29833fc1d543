// Each Wharf runs one worker: it claims publishing tasks (see task-leases.ts)
// right after an upload, at start, and every WHARF_TASK_POLL_MS, so that a
// task whose Wharf died is taken over by another within a lease and a poll,
// not only when that Wharf starts again.
import { processTask, type PublishWorker } from "./publish";
import { errorFields } from "../../../errors";
import { claimTask, onTaskReady } from "./task-leases";

export interface WorkerOptions {
  pollMs: number;
  /** Tasks processed at once by this Wharf. */
  concurrency?: number;
  /** Told how each task this worker took ended ("success", "failure", or "crashed"), and how long it took (metrics). */
  onTaskDone?(outcome: string, ms: number): void;
}

export interface RunningWorker {
  /** Stops claiming, and waits for the tasks under way. */
  stop(): Promise<void>;
}

export function startPublishWorker(worker: PublishWorker, options: WorkerOptions): RunningWorker {
  const concurrency = options.concurrency ?? 2;
  const active = new Set<Promise<void>>();
  let stopped = false;
  let pumping: Promise<void> | undefined;
  let again = false;

  // Claims tasks while there is room; never throws (a database that is away is tried again at the next poll).
  const pump = (): Promise<void> => {
    if (pumping) {
      again = true;
      return pumping;
    }
    pumping = claimWhileRoom().finally(() => {
      pumping = undefined;
      // Woken while it was finishing: look once more.
      if (again && !stopped) void pump();
    });
    return pumping;
  };
  const claimWhileRoom = async (): Promise<void> => {
    try {
      do {
        again = false;
        let claimed = 0;
        while (!stopped && active.size < concurrency) {
          const task = await claimTask(worker.db, worker.leaseMs);
          if (!task) break;
          claimed++;
          const started = Date.now();
          const run: Promise<void> = processTask(worker, task)
            .then(() => options.onTaskDone && outcomeOf(worker, task.id).then((outcome) => options.onTaskDone?.(outcome, Date.now() - started)))
            .catch((err) => {
              worker.log.error("publishing task crashed", { id: task.id, ...errorFields(err) });
              options.onTaskDone?.("crashed", Date.now() - started);
            })
            .finally(() => {
              active.delete(run);
              void pump();
            });
          active.add(run);
        }
        worker.log.debug("looked for publishing tasks", { claimed, active: active.size });
      } while (again && !stopped);
    } catch (err) {
      worker.log.warn("could not claim publishing tasks", { error: String((err as Error)?.message ?? err) });
    }
  };

  const timer = setInterval(() => void pump(), options.pollMs);
  const unsubscribe = onTaskReady(() => void pump());
  void pump();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await pumping;
      await Promise.allSettled([...active]);
    },
  };
}

/** How a task the worker processed ended, as recorded (another Wharf may have finished it, if the lease was lost). */
async function outcomeOf(worker: PublishWorker, id: string): Promise<string> {
  const task = await worker.db.publishingTask.findUnique({ where: { id }, select: { status: true } });
  return task?.status === "success" || task?.status === "failure" ? task.status : "unfinished";
}
