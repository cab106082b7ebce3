using Onboarding.Engine.Conversations;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Tests.Storage;

public sealed class ConversationStoresTests
{
    private static readonly ConversationKey Chat = new("msteams", "tenant-1", "a:conv-1");

    [Fact]
    public async Task Latest_reference_wins_and_survives_a_new_store_instance()
    {
        using var temp = new TemporaryDatabase();
        await temp.CreateRunner().ApplyAsync(CancellationToken.None);
        await new ConversationReferenceStore(temp.Database, TimeProvider.System).SaveAsync(Chat, """{"serviceUrl":"http://old/"}""", CancellationToken.None);
        await new ConversationReferenceStore(temp.Database, TimeProvider.System).SaveAsync(Chat, """{"serviceUrl":"http://new/"}""", CancellationToken.None);

        var found = await new ConversationReferenceStore(temp.Database, TimeProvider.System).FindAsync(Chat, CancellationToken.None);

        Assert.Equal("""{"serviceUrl":"http://new/"}""", found);
    }

    [Fact]
    public async Task Unknown_conversation_has_no_reference()
    {
        using var temp = new TemporaryDatabase();
        await temp.CreateRunner().ApplyAsync(CancellationToken.None);

        Assert.Null(await new ConversationReferenceStore(temp.Database, TimeProvider.System).FindAsync(Chat, CancellationToken.None));
    }

    [Fact]
    public async Task Card_slots_are_remembered_per_conversation()
    {
        using var temp = new TemporaryDatabase();
        await temp.CreateRunner().ApplyAsync(CancellationToken.None);
        var cards = new CardMessageStore(temp.Database, TimeProvider.System);
        var other = new ConversationKey("slack", "T1", "C1");
        var slot = CardSlot.ForOnboarding("s-1");
        await cards.SaveAsync(Chat, slot, "activity-1", CancellationToken.None);
        await cards.SaveAsync(Chat, slot, "activity-2", CancellationToken.None);

        Assert.Equal("activity-2", await cards.FindAsync(Chat, slot, CancellationToken.None));
        Assert.Null(await cards.FindAsync(other, slot, CancellationToken.None));
        Assert.Null(await cards.FindAsync(Chat, CardSlot.ForAlert("i-1"), CancellationToken.None));
    }
}
