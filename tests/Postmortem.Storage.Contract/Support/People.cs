using Postmortem.Core.Postmortems;

namespace Postmortem.Storage.Contract.Support;

public static class People
{
    public static readonly DateTimeOffset Now = new(2021, 5, 10, 9, 0, 0, TimeSpan.Zero);

    public static readonly UserRef Felix = new("100000000000000001", "Felix");
    public static readonly UserRef Wesley = new("100000000000000002", "Wesley");
    public static readonly UserRef Ana = new("100000000000000003", "Ana");
}
