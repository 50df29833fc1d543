import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ViewerProvider } from "./session/viewer";
import { App } from "./app";
import "./styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ViewerProvider>
      <App />
    </ViewerProvider>
  </StrictMode>,
);
