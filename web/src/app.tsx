import { Route, Switch } from "wouter";
import { Layout } from "./layout/layout";
import { PACKAGE, SCOPE, SOURCE } from "./routes";
import { HomePage } from "./pages/home";
import { SearchPage } from "./pages/search";
import { ScopePage } from "./pages/scope";
import { PackagePage } from "./pages/package";
import { SourcePage } from "./pages/source";
import { AtomPackagePage } from "./pages/atom-package";
import { UserPage } from "./pages/user";
import { NotFoundPage } from "./pages/not-found";

/** Every page of the UI. Accounts (#13) add their pages here and a sign-in link through Layout's headerEnd. */
export function App() {
  return (
    <Layout>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/search" component={SearchPage} />
        <Route path="/user/:login" component={UserPage} />
        <Route path="/atom/packages/:name" component={AtomPackagePage} />
        <Route path={SCOPE} component={ScopePage} />
        <Route path={PACKAGE} component={PackagePage} />
        <Route path={SOURCE} component={SourcePage} />
        <Route>{() => <NotFoundPage />}</Route>
      </Switch>
    </Layout>
  );
}
