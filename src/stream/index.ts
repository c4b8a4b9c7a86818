import { planCrossEntropyStream } from './ce-stream.js';
import { planClipStream } from './clip-stream.js';
import type { StreamContext, StreamPlan, StreamPlanner } from './plan.js';
import { planSoftmaxStream } from './softmax-stream.js';

/** The commands that can stream, by name; each decides for which options and formats. */
const PLANNERS: Readonly<Record<string, StreamPlanner>> = {
  softmax: planSoftmaxStream,
  clip: planClipStream,
  ce: planCrossEntropyStream,
};

export function planStream(command: string, context: StreamContext): StreamPlan | undefined {
  return PLANNERS[command]?.(context);
}
