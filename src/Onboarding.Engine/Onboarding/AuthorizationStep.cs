using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Onboarding;

/// <summary>Step 1's first half: a new onboarding, or a fresh sign-in link for one, each bound to a new authorization request.</summary>
public sealed class AuthorizationStep(
    OnboardingSessions sessions,
    AuthorizationRequestStore requests,
    INetSuiteAuthorization authorization,
    OnboardingCards cards,
    IOptions<OnboardingOptions> options,
    TimeProvider timeProvider)
{
    /// <summary>Creates the session with its first authorize link and shows its card; <paramref name="reconnect"/> marks a Connect again.</summary>
    public async Task<OnboardingSession> StartAsync(ConversationKey conversation, ChatUser user, bool sharedConversation, AccountId? account, CancellationToken cancellationToken, bool reconnect = false)
    {
        var now = timeProvider.GetUtcNow();
        var session = new OnboardingSession
        {
            Id = SessionId.New(),
            Conversation = conversation,
            Account = account,
            AccountExpected = account is not null,
            Reconnect = reconnect && account is not null,
            StartedBy = user,
            SharedConversation = sharedConversation,
            Step = OnboardingStep.AwaitingAuthorization,
            Status = SessionStatus.Waiting,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var start = authorization.BeginAuthorization(account);
        session = await sessions.CreateAsync(session, (tx, s) => AddRequestAsync(tx, s, start, now, cancellationToken), user.Id, cancellationToken).ConfigureAwait(false);
        await cards.PublishAsync(session, cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <summary>
    /// Sends the session back to step 1 with a fresh link (after a denial, an expired link, or ended admin access). An
    /// earlier sign-in's access is over by then (the caller ended it), and the card says so.
    /// </summary>
    public async Task<OnboardingSession?> RenewAsync(OnboardingSession session, string actor, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var start = authorization.BeginAuthorization(session.Account);
        var renewed = await sessions.TryMoveAsync(
            session,
            s => s.WaitingAt(OnboardingStep.AwaitingAuthorization) with { AdminAccessEndedAt = s.AuthorizedAt is null ? null : s.AdminAccessEndedAt ?? now },
            actor,
            cancellationToken,
            (tx, s) => AddRequestAsync(tx, s, start, now, cancellationToken)).ConfigureAwait(false);
        if (renewed is not null)
        {
            await cards.PublishAsync(renewed, cancellationToken).ConfigureAwait(false);
        }

        return renewed;
    }

    private Task AddRequestAsync(StorageTransaction transaction, OnboardingSession session, AuthorizationStart start, DateTimeOffset now, CancellationToken cancellationToken) =>
        requests.AddAsync(transaction, session.Id, start.State, start.CodeVerifier, start.AuthorizeUrl, now, now + options.Value.AuthorizationLinkLifetime, cancellationToken);
}
