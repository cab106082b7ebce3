using Microsoft.Extensions.Time.Testing;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Language;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Storage;

public sealed class ConversationStoresTests
{
    private static readonly ConversationKey Chat = new("msteams", "tenant-1", "a:conv-1");

    [SkippableTheory]
    [StorageProviders]
    public async Task Latest_reference_wins_and_survives_a_new_store_instance(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        await new ConversationReferenceStore(temp.Database, TimeProvider.System).SaveAsync(Chat, """{"serviceUrl":"http://old/"}""", CancellationToken.None);
        await new ConversationReferenceStore(temp.Database, TimeProvider.System).SaveAsync(Chat, """{"serviceUrl":"http://new/"}""", CancellationToken.None);

        await using var reopened = temp.Open();
        var found = await new ConversationReferenceStore(reopened, TimeProvider.System).FindAsync(Chat, CancellationToken.None);

        Assert.Equal("""{"serviceUrl":"http://new/"}""", found);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Saving_an_unchanged_reference_writes_nothing(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
        var store = new ConversationReferenceStore(temp.Database, clock);
        await store.SaveAsync(Chat, """{"serviceUrl":"http://same/"}""", CancellationToken.None);
        var firstSavedAt = await temp.ScalarAsync("SELECT updated_at FROM conversation_references");

        clock.Advance(TimeSpan.FromMinutes(5));
        await store.SaveAsync(Chat, """{"serviceUrl":"http://same/"}""", CancellationToken.None);

        Assert.Equal("2026-11-28T10:00:00.0000000+00:00", firstSavedAt);
        Assert.Equal(firstSavedAt, await temp.ScalarAsync("SELECT updated_at FROM conversation_references"));
        Assert.Equal("""{"serviceUrl":"http://same/"}""", await store.FindAsync(Chat, CancellationToken.None));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Unknown_conversation_has_no_reference(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);

        Assert.Null(await new ConversationReferenceStore(temp.Database, TimeProvider.System).FindAsync(Chat, CancellationToken.None));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Card_slots_are_remembered_per_conversation(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var cards = new CardMessageStore(temp.Database, TimeProvider.System);
        var other = new ConversationKey("slack", "T1", "C1");
        var slot = CardSlot.ForOnboarding("s-1");
        await cards.SaveAsync(Chat, slot, "activity-1", CancellationToken.None);
        await cards.SaveAsync(Chat, slot, "activity-2", CancellationToken.None);

        Assert.Equal("activity-2", await cards.FindAsync(Chat, slot, CancellationToken.None));
        Assert.Null(await cards.FindAsync(other, slot, CancellationToken.None));
        Assert.Null(await cards.FindAsync(Chat, CardSlot.ForAlert("i-1"), CancellationToken.None));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task An_instant_turn_repeating_a_locale_stored_here_lately_writes_nothing_until_ten_minutes_have_passed(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
        var locales = new ConversationLocales(temp.Database, clock);
        var german = new ChannelLocale("de-DE", "Europe/Berlin");
        await locales.RememberAsync(Chat, german, CancellationToken.None);

        // Erased meanwhile (as an account erasure does): a repeat within the window trusts what this instance stored.
        await StorageTransaction.WriteAsync(temp.Database, write => write.ExecuteAsync("DELETE FROM conversation_locales", null, CancellationToken.None), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(9));
        await locales.RememberUnlessRecentAsync(Chat, german, CancellationToken.None);
        var withinWindow = Convert.ToInt64(await temp.ScalarAsync("SELECT COUNT(*) FROM conversation_locales"), System.Globalization.CultureInfo.InvariantCulture);

        clock.Advance(TimeSpan.FromMinutes(2));
        await locales.RememberUnlessRecentAsync(Chat, german, CancellationToken.None);

        Assert.Equal(0, withinWindow);
        Assert.Equal(german, await locales.FindAsync(Chat, CancellationToken.None));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task An_instant_turn_with_a_changed_locale_stores_it_at_once(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var locales = new ConversationLocales(temp.Database, new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero)));
        await locales.RememberAsync(Chat, new ChannelLocale("de-DE", "Europe/Berlin"), CancellationToken.None);

        await locales.RememberUnlessRecentAsync(Chat, new ChannelLocale("fr-CA", "America/Montreal"), CancellationToken.None);

        Assert.Equal(new ChannelLocale("fr-CA", "America/Montreal"), await locales.FindAsync(Chat, CancellationToken.None));
    }
}
