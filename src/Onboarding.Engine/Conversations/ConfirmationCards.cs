using Onboarding.Engine.Language;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Conversations;

/// <summary>
/// The second card a destructive action asks on ("Offboard Contoso?" with the action and Keep). Each question is
/// answered once: the first click takes it, and the answer — then the outcome — replaces the question in place, so its
/// buttons are gone and a second click (or a click delivered twice) finds nothing left to do.
/// </summary>
public sealed class ConfirmationCards(ConfirmationStore store, ChatViews views)
{
    /// <summary>The card data key carrying the question's id; every button of the question card must send it.</summary>
    public const string IdKey = "confirmation";

    public const string Confirmed = "confirmed";
    public const string Kept = "kept";

    /// <summary>
    /// Asks <paramref name="question"/> about <paramref name="subject"/> in the command's conversation. The question is
    /// built from the data its buttons must carry (merge it into every button's data).
    /// </summary>
    public async Task AskAsync(ChatCommand command, string action, string subject, Func<Wording, IReadOnlyDictionary<string, string>, StepView> question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(question);
        var id = Guid.NewGuid().ToString("N");
        await store.AddAsync(id, command.Conversation, action, subject, command.User, cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, string> { [IdKey] = id };
        await views.ShowAsync(command.Conversation, w => question(w, data), Slot(id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes the question the click answers, if it is still open.</summary>
    public async Task<ConfirmationAnswer> TryAnswerAsync(ChatCommand command, string action, string answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Data.TryGetValue(IdKey, out var id) || string.IsNullOrWhiteSpace(id))
        {
            return new ConfirmationAnswer(ConfirmationState.NotAsked);
        }

        var subject = await store.TryAnswerAsync(id, command.Conversation, action, answer, command.User, cancellationToken).ConfigureAwait(false);
        return subject is null ? new ConfirmationAnswer(ConfirmationState.AlreadyAnswered) : new ConfirmationAnswer(ConfirmationState.Answered, id, subject);
    }

    /// <summary>Shows <paramref name="view"/> in place of the question (progress, then the outcome).</summary>
    public Task ShowAsync(ChatCommand command, ConfirmationAnswer answer, Func<Wording, StepView> view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(answer);
        return answer.State == ConfirmationState.Answered
            ? views.ShowAsync(command.Conversation, view, Slot(answer.Id), cancellationToken)
            : throw new InvalidOperationException("Only a question this click answered has a card to update.");
    }

    /// <summary>Adds the question's data to a button's own.</summary>
    public static IReadOnlyDictionary<string, string> With(IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, string> question) =>
        data.Concat(question).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    private static CardSlot Slot(string id) => new($"confirmation/{id}");
}

/// <summary>What a click on a question card found.</summary>
public enum ConfirmationState
{
    /// <summary>This click answered the question: go ahead, and show the outcome in its place.</summary>
    Answered,

    /// <summary>Answered already (a second click, a repeated delivery), or not a question of this conversation: nothing to do.</summary>
    AlreadyAnswered,

    /// <summary>The button named no question (a card from before questions were tracked): ask again.</summary>
    NotAsked,
}

/// <summary>The outcome of a click on a question card, with the question's id and subject when this click answered it.</summary>
public sealed record ConfirmationAnswer(ConfirmationState State, string Id = "", string Subject = "");
