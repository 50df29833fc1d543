// jest globalSetup: one migrated template storage for the run's test servers (storage-template.ts).
import { makeTemplate } from "./storage-template";

export default makeTemplate;
