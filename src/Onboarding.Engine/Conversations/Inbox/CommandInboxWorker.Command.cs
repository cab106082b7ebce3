using Microsoft.Extensions.DependencyInjection;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Conversations.Inbox;

// One claimed command's run and the failure policy that follows it (see the class remarks).
public sealed partial class CommandInboxWorker
{
    private async Task RunClaimedAsync(ClaimedCommand claimed, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (claimed.Command is not { } command)
        {
            await FinishAsync(claimed).ConfigureAwait(false);
            return;
        }

        if (claimed.Attempts > settings.MaxAttempts)
        {
            // Started that many times and never finished: its instance died each time, maybe because of this very command.
            InboxCommandAbandoned(logger, command.Verb, command.Conversation.ToString(), claimed.Attempts - 1);
            await ApologizeAsync(command).ConfigureAwait(false);
            await FinishAsync(claimed).ConfigureAwait(false);
            return;
        }

        try
        {
            // A scope per command: the engine's handler may depend on scoped services.
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IChatCommandHandler>().HandleAsync(command, stoppingToken).ConfigureAwait(false);
            await FinishAsync(claimed).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // This instance is stopping: the command goes back for the next run, not counted as an attempt.
            await TryAsync(() => inbox.ReleaseAsync(claimed.Id, CancellationToken.None), CancellationToken.None).ConfigureAwait(false);
        }
        catch (ConversationGoneException gone)
        {
            InboxConversationGone(logger, command.Verb, gone.Conversation.ToString(), gone.Reason);
            await FinishAsync(claimed).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The worker outlives any one command; the failure is logged with its context and handled by the policy.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            if (claimed.Attempts >= settings.MaxAttempts)
            {
                InboxCommandFailed(logger, exception, command.Verb, command.Conversation.ToString(), claimed.Attempts);
                await ApologizeAsync(command).ConfigureAwait(false);
                await FinishAsync(claimed).ConfigureAwait(false);
                return;
            }

            var delay = settings.RetryDelay * Math.Pow(2, claimed.Attempts - 1);
            InboxCommandRetrying(logger, exception, command.Verb, command.Conversation.ToString(), claimed.Attempts, delay);
            await TryAsync(() => inbox.RetryLaterAsync(claimed.Id, delay, exception.GetType().Name, CancellationToken.None), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task FinishAsync(ClaimedCommand claimed)
    {
        // Not the stopping token: a command that ran must leave the inbox even while the host shuts down, or it runs again.
        if (await TryAsync(() => inbox.CompleteAsync(claimed.Id, CancellationToken.None), CancellationToken.None).ConfigureAwait(false) is false)
        {
            InboxClaimLost(logger, claimed.Id);
        }
    }

    private async Task ApologizeAsync(ChatCommand command)
    {
        try
        {
            await views.ShowAsync(command.Conversation, CommandApology.View, slot: null, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The conversation itself is unreachable; the failure is already logged.
        catch (Exception apologyFailure)
#pragma warning restore CA1031
        {
            InboxApologyFailed(logger, apologyFailure, command.Conversation.ToString());
        }
    }
}
