namespace Onboarding.NetSuiteSandbox.State;

/// <summary>Saves the state before the answer to any request that may have changed it (every method but GET and HEAD) leaves.</summary>
internal static class StateSaving
{
    public static IApplicationBuilder UseStateSaving(this IApplicationBuilder app, StateFile state) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                // Before the first byte of the answer: a client that saw the answer can rely on the change surviving a crash.
                context.Response.OnStarting(() =>
                {
                    state.Save();
                    return Task.CompletedTask;
                });
            }

            await next(context);
        });
}
