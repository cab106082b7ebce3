using Onboarding.Engine.Conversations;
using Onboarding.Engine.Language;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Bot.Chat;

/// <summary>
/// Runs queued commands through the engine's <see cref="IChatCommandHandler"/>, several conversations at a time.
/// One failing command never stops the others; its conversation is told that something went wrong.
/// </summary>
internal sealed class ChatCommandWorker(
    ChatCommandQueue queue,
    IServiceScopeFactory scopes,
    ChatViews views,
    ILogger<ChatCommandWorker> logger) : BackgroundService
{
    /// <summary>Commands run at once; each mostly waits on NetSuite, so a few more than the cores.</summary>
    public const int MaxConcurrency = 8;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            queue.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrency, CancellationToken = stoppingToken },
            RunAsync);

    private async ValueTask RunAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        try
        {
            // A scope per command: the engine's handler may depend on scoped services.
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IChatCommandHandler>().HandleAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The worker outlives any one command; the failure is logged with its context.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.CommandFailed(logger, exception, command.Verb, command.Conversation.ToString());
            await ApologizeAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ApologizeAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        try
        {
            await views.ShowAsync(command.Conversation, Apology, slot: null, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The conversation itself is unreachable; the failure is already logged.
        catch (Exception apologyFailure) when (apologyFailure is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.ApologyFailed(logger, apologyFailure);
        }
    }

    /// <summary>In the conversation's language: something failed here, nothing finished is lost, and how to go on.</summary>
    internal static StepView Apology(Wording w) =>
        new(w.Say(nameof(Host_SomethingWentWrongTitle)), w.Say(nameof(Host_SomethingWentWrong)), Tone.Attention)
        {
            Body = [w.Say(nameof(Host_SomethingWentWrongBody))],
        };
}
