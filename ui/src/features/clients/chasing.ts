const LABELS: Record<string, string> = {
  on: 'Chasing on',
  paused: 'Paused',
  off: 'Chasing off',
};

export function chasingLabel(mode: string): string {
  return LABELS[mode] ?? mode;
}
