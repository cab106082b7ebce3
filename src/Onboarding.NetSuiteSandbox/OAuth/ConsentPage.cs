using System.Globalization;
using System.Text;
using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Hosting;
using Onboarding.NetSuiteSandbox.Seed;

namespace Onboarding.NetSuiteSandbox.OAuth;

/// <summary>The consent screen: who is signed in, which role, what the app may do, Allow / Deny. Posts back to its own URL.</summary>
internal static class ConsentPage
{
    public static IResult Render(string postUrl, SeedIntegration client, IReadOnlyList<string> scopes, IReadOnlyList<Account> accounts, bool askAccount)
    {
        var first = accounts[0];
        var employee = first.Employees[first.SignedInEmployee];
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>Allow {HtmlPage.Encode(client.Name)} to access NetSuite?</h1>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"muted\">Signed in as <strong>{HtmlPage.Encode(first.EmployeeName(employee.Id))}</strong> ({HtmlPage.Encode(employee.Email)})</p>");
        html.Append("<p>The application will be able to:</p><ul>");
        foreach (var scope in scopes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{HtmlPage.Encode(Scopes.Descriptions[scope])}</li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul><form method=\"post\" action=\"{HtmlPage.Encode(postUrl)}\">");
        if (askAccount)
        {
            html.Append("<label for=\"account\">Account</label><select id=\"account\" name=\"account\">");
            foreach (var account in accounts)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<option value=\"{HtmlPage.Encode(account.Id)}\">{HtmlPage.Encode(account.CompanyName)} ({HtmlPage.Encode(account.Id)})</option>");
            }

            html.Append("</select>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Account: {HtmlPage.Encode(first.CompanyName)} ({HtmlPage.Encode(first.Id)})</p>");
        }

        html.Append("<label for=\"role\">Role</label><select id=\"role\" name=\"role\">");
        // "Choose Another Role": every active role the signed-in employee holds, the first one preselected.
        // https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158081944642.html
        foreach (var role in employee.Roles.Where(first.Roles.ContainsKey).Select(id => first.Roles[id]).Where(r => !r.Inactive))
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{role.Id}\">{HtmlPage.Encode(role.Name)}</option>");
        }

        html.Append("""
            </select>
            <div class="actions">
              <button class="secondary" type="submit" name="decision" value="deny">Deny</button>
              <button class="primary" type="submit" name="decision" value="allow">Allow</button>
            </div></form>
            """);
        return HtmlPage.Render($"Authorize {client.Name}", html.ToString());
    }
}
