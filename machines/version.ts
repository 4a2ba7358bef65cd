import { stepIds, stepMeta } from './steps';

/**
 * A short fingerprint of the machine's steps and answers. Progress saved in
 * a browser carries it, so progress saved by an older machine is not offered
 * back as if nothing had changed.
 */
export const machineVersion: string = (() => {
  const shape = stepIds
    .map(
      (id) =>
        `${id}:${stepMeta(id)
          .answers.map((a) => a.id)
          .join(',')}`,
    )
    .join(';');
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < shape.length; i++) {
    hash ^= shape.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
})();
