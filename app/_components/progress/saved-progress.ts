/**
 * Progress kept in the browser, for "continue where you left off". Whatever
 * is stored is checked before it is used: corrupt, foreign or outdated
 * entries are dropped, and a full or blocked storage is simply not used.
 */

const key = '502-troubleshooter:progress';

export interface SavedProgress {
  version: string;
  path: string;
  title: string;
  savedAt: number;
}

const pathPattern = /^\/fix(?:\/[a-z0-9=.+-]{1,80}){0,40}$/;

export function readProgress(version: string): SavedProgress | null {
  let raw: string | null;
  try {
    raw = window.localStorage.getItem(key);
  } catch {
    return null; // storage blocked
  }
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as Partial<SavedProgress>;
    if (
      p.version === version &&
      typeof p.path === 'string' &&
      pathPattern.test(p.path) &&
      typeof p.title === 'string' &&
      p.title.length <= 120 &&
      typeof p.savedAt === 'number'
    ) {
      return p as SavedProgress;
    }
  } catch {
    // corrupt: fall through and drop it
  }
  forgetProgress();
  return null;
}

export function saveProgress(progress: SavedProgress): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(progress));
  } catch {
    // full or blocked: the address bar still holds the progress
  }
}

export function forgetProgress(): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // nothing to do
  }
}
