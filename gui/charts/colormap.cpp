// Piecewise-linear colour maps from a few control points (viridis samples; RdBu reversed).
#include "charts/colormap.h"

#include <algorithm>
#include <cmath>

namespace unroll::gui {
namespace {

struct Stop {
  double r, g, b;
};

QRgb interpolate(const Stop* stops, int n, double u) {
  u = std::clamp(u, 0.0, 1.0) * (n - 1);
  const int i = std::min(int(u), n - 2);
  const double f = u - i;
  const Stop& a = stops[i];
  const Stop& b = stops[i + 1];
  return qRgb(int(a.r + f * (b.r - a.r)), int(a.g + f * (b.g - a.g)), int(a.b + f * (b.b - a.b)));
}

constexpr Stop kViridis[] = {{68, 1, 84},    {72, 40, 120},  {62, 74, 137},  {49, 104, 142},
                             {38, 130, 142}, {31, 158, 137}, {53, 183, 121}, {109, 205, 89},
                             {180, 222, 44}, {253, 231, 37}};
constexpr Stop kDiverging[] = {{5, 48, 97},     {33, 102, 172},  {67, 147, 195},  {146, 197, 222},
                               {209, 229, 240}, {247, 247, 247}, {253, 219, 199}, {244, 165, 130},
                               {214, 96, 77},   {178, 24, 43},   {103, 0, 31}};
constexpr QRgb kMissing = 0xffd9d9d9;

}  // namespace

QRgb sequentialColor(double u) {
  if (std::isnan(u)) return kMissing;
  return interpolate(kViridis, 10, u);
}

QRgb divergingColor(double u) {
  if (std::isnan(u)) return kMissing;
  return interpolate(kDiverging, 11, 0.5 * (u + 1.0));
}

QColor branchColor(int id) {
  static const QColor colors[] = {QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194),
                                  QColor(188, 189, 34)};
  return colors[(std::max(id, 1) - 1) % 4];
}

}  // namespace unroll::gui
