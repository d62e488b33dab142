// Files dropped on the window (Tauri's drag-and-drop events): `dragging`
// while files hover, `drop` with their paths. Returns the unsubscribe
// function an `onMount` returns.
import { getCurrentWebview } from '@tauri-apps/api/webview';

export function onFileDrop(dragging: (on: boolean) => void, drop: (paths: string[]) => void): () => void {
  const stop = getCurrentWebview().onDragDropEvent((ev) => {
    const p = ev.payload;
    if (p.type === 'enter' || p.type === 'over') dragging(true);
    else if (p.type === 'leave') dragging(false);
    else if (p.type === 'drop') {
      dragging(false);
      if (p.paths.length > 0) drop(p.paths);
    }
  });
  return () => {
    stop.then((s) => s()).catch(() => {});
  };
}
