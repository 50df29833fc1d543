import { Route, Switch } from "wouter";
import { Layout } from "./layout/layout";
import { PACKAGE, SCOPE, SCOPE_SETTINGS, SOURCE } from "./routes";
import { AccountNav } from "./session/account-nav";
import { SignInPage } from "./pages/sign-in";
import { AccountPage } from "./pages/account/account";
import { AuthorizePage } from "./pages/authorize";
import { NewPackagePage } from "./pages/new-package";
import { ScopeSettingsPage } from "./pages/scope-settings";
import { HomePage } from "./pages/home";
import { SearchPage } from "./pages/search";
import { ScopePage } from "./pages/scope";
import { PackagePage } from "./pages/package";
import { SourcePage } from "./pages/source";
import { AtomPackagePage } from "./pages/atom-package";
import { UserPage } from "./pages/user";
import { NotFoundPage } from "./pages/not-found";

/** Every page of the UI; the header ends with who is signed in. */
export function App() {
  return (
    <Layout headerEnd={<AccountNav />}>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/search" component={SearchPage} />
        <Route path="/sign-in" component={SignInPage} />
        <Route path="/account" component={AccountPage} />
        <Route path="/auth" component={AuthorizePage} />
        <Route path="/new" component={NewPackagePage} />
        <Route path={SCOPE_SETTINGS} component={ScopeSettingsPage} />
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
