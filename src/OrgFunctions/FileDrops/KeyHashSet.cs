namespace OrgFunctions.FileDrops;

/// <summary>
/// The 64-bit hashes of the keys seen so far in a file, in one open-addressing array (8 bytes a slot, at most half full):
/// about 16 bytes per distinct key, where a <c>HashSet&lt;ulong&gt;</c> takes 20 to 40.
/// </summary>
internal sealed class KeyHashSet
{
    private ulong[] _slots = new ulong[1024];
    private int _count;

    /// <summary>False when the hash was already present.</summary>
    public bool Add(ulong hash)
    {
        if (hash == 0)
        {
            hash = 1; // 0 marks an empty slot
        }
        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }
        return Insert(_slots, hash) && ++_count > 0;
    }

    private static bool Insert(ulong[] slots, ulong hash)
    {
        var mask = slots.Length - 1;
        var i = (int)(hash ^ (hash >> 29)) & mask;
        while (slots[i] != 0)
        {
            if (slots[i] == hash)
            {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = hash;
        return true;
    }

    private void Grow()
    {
        var bigger = new ulong[_slots.Length * 2];
        foreach (var hash in _slots)
        {
            if (hash != 0)
            {
                Insert(bigger, hash);
            }
        }
        _slots = bigger;
    }
}
