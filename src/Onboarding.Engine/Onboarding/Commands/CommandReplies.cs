using Onboarding.Engine.Conversations;
using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>Posting a one-off answer into the conversation a command came from, and reading the account a command names.</summary>
public sealed class CommandReplies(ChatViews views)
{
    /// <summary>Answers in the command's conversation, in its language.</summary>
    public Task ReplyAsync(ChatCommand command, Func<Wording, StepView> view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return views.ShowAsync(command.Conversation, view, null, cancellationToken);
    }

    /// <summary>The account typed after the verb or carried in card data; null when none was given.</summary>
    public static string? AccountText(ChatCommand command) =>
        command.Argument is { Length: > 0 } typed ? typed
        : command.Data.TryGetValue(OnboardingVerbs.AccountKey, out var data) && data.Length > 0 ? data
        : null;

    /// <summary>Parses the named account; on a bad id answers with the reason and returns false.</summary>
    public async Task<(bool Ok, AccountId? Account)> AccountAsync(ChatCommand command, bool required, CancellationToken cancellationToken)
    {
        var text = AccountText(command);
        if (text is null && !required)
        {
            return (true, null);
        }

        if (AccountId.TryParse(text, out var account, out var error))
        {
            return (true, account);
        }

        await ReplyAsync(command, w => ReplyViews.InvalidAccount(w, error), cancellationToken).ConfigureAwait(false);
        return (false, null);
    }
}
