// Who is signed in. The server names them in the page's <meta name="wharf-viewer"> (src/http/page-viewer.ts),
// so the header needs no GraphQL request; signing in and out here updates it. Each change of viewer starts a
// fresh GraphQL client: nothing read as one person is shown to the next.
import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { Provider } from "urql";
import { createClient } from "../client";

export interface Viewer {
  login: string;
  isStaff: boolean;
}

interface ViewerState {
  viewer: Viewer | null;
  setViewer(viewer: Viewer | null): void;
}

const ViewerContext = createContext<ViewerState>({ viewer: null, setViewer: () => undefined });

function viewerFromPage(): Viewer | null {
  const content = document.querySelector('meta[name="wharf-viewer"]')?.getAttribute("content");
  if (!content) return null;
  try {
    const value = JSON.parse(content) as Partial<Viewer>;
    return typeof value.login === "string" ? { login: value.login, isStaff: value.isStaff === true } : null;
  } catch {
    return null;
  }
}

export function ViewerProvider({ children }: { children: ReactNode }) {
  const [viewer, setViewer] = useState<Viewer | null>(viewerFromPage);
  const client = useMemo(() => createClient(), [viewer?.login]);
  const state = useMemo(() => ({ viewer, setViewer }), [viewer]);
  return (
    <ViewerContext.Provider value={state}>
      <Provider value={client}>{children}</Provider>
    </ViewerContext.Provider>
  );
}

/** The signed-in user, or null; and the setter sign-in and sign-out use. */
export function useViewer(): ViewerState {
  return useContext(ViewerContext);
}
