namespace Onboarding.NetSuiteSandbox.Governance;

/// <summary>Faults injected through test control, consumed in the order they were added.</summary>
internal sealed class FaultStore
{
    private readonly object _gate = new();
    private readonly List<Fault> _faults = [];

    public void Add(Fault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    public IReadOnlyList<Fault> List()
    {
        lock (_gate)
        {
            return [.. _faults];
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _faults.RemoveAll(f => f.Id == id) > 0;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>Takes one use of the first fault matching the request, if any.</summary>
    public Fault? Take(HttpRequest request)
    {
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Matches(request));
            if (fault?.Remaining is { } remaining)
            {
                fault.Remaining = remaining - 1;
                if (fault.Remaining <= 0)
                {
                    _faults.Remove(fault);
                }
            }

            return fault;
        }
    }
}
