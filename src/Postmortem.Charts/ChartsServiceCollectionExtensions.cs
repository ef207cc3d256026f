using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Postmortem.Core.Pictures;

namespace Postmortem.Charts;

public static class ChartsServiceCollectionExtensions
{
    /// <summary>Pictures of postmortems (<see cref="IPostmortemPictures"/>) drawn with ScottPlot and SkiaSharp.</summary>
    public static IServiceCollection AddPostmortemCharts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IPostmortemPictures, PostmortemPictures>();
        return services;
    }
}
