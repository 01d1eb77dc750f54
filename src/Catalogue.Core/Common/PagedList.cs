namespace Catalogue.Core.Common;

/// <summary>One page of a list and the total count across all pages.</summary>
public sealed record PagedList<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items)
{
    public const int MaxPageSize = 100;

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}
