// jest globalTeardown: the run's template storage goes, as every test's own storage does.
import { removeTemplate } from "./storage-template";

export default removeTemplate;
