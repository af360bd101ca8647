// Wording of the gradient verdict.
#include "charts/verdict_text.h"

#include <QCoreApplication>
#include <cmath>

#include "charts/numbers.h"

namespace unroll::gui {
namespace {

QString percent(double fraction) { return QString::number(100 * fraction, 'f', 0); }

// Steps for the gradient to halve (or double) at factor q per step.
QString halvingSteps(double q) {
  const double steps = std::log(2.0) / std::abs(std::log(q));
  return steps < 10 ? formatNumber(steps, 1) : formatNumber(steps, 0);
}

QString reasonSentence(const GradientVerdict& v) {
  const QString rho = formatNumber(v.radius, 2), value = formatNumber(v.reason_value, 2);
  switch (v.reason) {
    case VerdictReason::None:
      return {};
    case VerdictReason::DeadUnits:
      return QCoreApplication::translate("GradientVerdict",
                                         "%1% of ReLU units are dead and pass no gradient at all.")
          .arg(percent(v.reason_value));
    case VerdictReason::Saturated:
      return QCoreApplication::translate("GradientVerdict",
                                         "%1% of units are saturated, where tanh′ ≈ 0.")
          .arg(percent(v.reason_value));
    case VerdictReason::SaturatedDespiteRho:
      return QCoreApplication::translate(
                 "GradientVerdict",
                 "W_hh stretches signals (ρ %1), but %2% of units are saturated, where tanh′ ≈ 0.")
          .arg(rho, percent(v.reason_value));
    case VerdictReason::ShrinkingWeights:
      return QCoreApplication::translate("GradientVerdict", "W_hh shrinks signals (ρ %1 < 1).")
          .arg(rho);
    case VerdictReason::StretchingWeights:
      return QCoreApplication::translate("GradientVerdict", "W_hh stretches signals (ρ %1 > 1).")
          .arg(rho);
    case VerdictReason::DerivativeDamps:
      return QCoreApplication::translate("GradientVerdict",
                                         "ρ %1 ≥ 1, but tanh′ < 1 damps every step.")
          .arg(rho);
    case VerdictReason::RadiusNearOne:
      return QCoreApplication::translate("GradientVerdict",
                                         "W_hh keeps signals near their size (ρ %1).")
          .arg(rho);
    case VerdictReason::ForgetGatesClosing:
      return QCoreApplication::translate(
                 "GradientVerdict",
                 "Forget gates average %1: the cell keeps only that share of itself per step.")
          .arg(value);
    case VerdictReason::ForgetGatesOpen:
      return QCoreApplication::translate(
                 "GradientVerdict", "Forget gates are open (%1): the cell carries the signal back.")
          .arg(value);
    case VerdictReason::UpdateGatesClosing:
      return QCoreApplication::translate(
                 "GradientVerdict",
                 "Update gates average %1: the state keeps only that share of itself per step.")
          .arg(value);
    case VerdictReason::UpdateGatesOpen:
      return QCoreApplication::translate(
                 "GradientVerdict",
                 "Update gates are near 1 (%1): the state carries the signal back.")
          .arg(value);
  }
  return {};
}

}  // namespace

QString verdictKindLabel(GradientKind kind) {
  switch (kind) {
    case GradientKind::Vanishing:
      return QCoreApplication::translate("GradientVerdict", "Vanishing");
    case GradientKind::Stable:
      return QCoreApplication::translate("GradientVerdict", "Stable");
    case GradientKind::Exploding:
      return QCoreApplication::translate("GradientVerdict", "Exploding");
    case GradientKind::NotMeasurable:
      break;
  }
  return QCoreApplication::translate("GradientVerdict", "Not measurable");
}

QString verdictFactorText(double q) {
  const bool plain = q >= 0.1 && q < 10;
  return QCoreApplication::translate("GradientVerdict", "×%1")
      .arg(plain ? formatNumber(q, 2) : formatScientific(q, 2));
}

QString verdictHeadline(const GradientVerdict& v) {
  QString kind = verdictKindLabel(v.kind);
  if (v.layers > 1)
    kind =
        QCoreApplication::translate("GradientVerdict", "%1 (layer %2)").arg(kind).arg(v.layer + 1);
  const QString q = verdictFactorText(v.factor);
  switch (v.kind) {
    case GradientKind::NotMeasurable:
      return QCoreApplication::translate("GradientVerdict",
                                         "%1: fewer than 3 timesteps received a gradient")
          .arg(kind);
    case GradientKind::Vanishing:
      return QCoreApplication::translate("GradientVerdict",
                                         "%1: %2 per step back, the gradient halves every %3 steps")
          .arg(kind, q, halvingSteps(v.factor));
    case GradientKind::Stable:
      return QCoreApplication::translate(
                 "GradientVerdict",
                 "%1: %2 per step back, the gradient keeps its size (%3 over %4 steps)")
          .arg(kind, q, verdictFactorText(v.total))
          .arg(v.span);
    case GradientKind::Exploding:
      break;
  }
  switch (v.explosion) {
    case Explosion::Overflow:
      return QCoreApplication::translate("GradientVerdict",
                                         "%1: the gradient overflows to ∞ at timestep %2")
          .arg(kind)
          .arg(v.overflow_t);
    case Explosion::Magnitude:
      if (std::isfinite(v.factor))
        return QCoreApplication::translate("GradientVerdict",
                                           "%1: ‖∂L/∂hₜ‖ reaches %2 (%3 per step back)")
            .arg(kind, formatScientific(v.peak, 2), q);
      return QCoreApplication::translate("GradientVerdict", "%1: ‖∂L/∂hₜ‖ reaches %2")
          .arg(kind, formatScientific(v.peak, 2));
    case Explosion::Growth:
    case Explosion::None:
      break;
  }
  return QCoreApplication::translate("GradientVerdict",
                                     "%1: %2 per step back, the gradient doubles every %3 steps")
      .arg(kind, q, halvingSteps(v.factor));
}

QString verdictSentence(const GradientVerdict& v, int truncatedAt) {
  QStringList parts{verdictHeadline(v) + QLatin1Char('.')};
  const QString reason = reasonSentence(v);
  if (!reason.isEmpty()) parts << reason;
  if (v.kind == GradientKind::Exploding)
    parts << QCoreApplication::translate("GradientVerdict",
                                         "Clip the gradient or lower the learning rate.");
  if (v.kind == GradientKind::Stable && truncatedAt > 0)
    parts << QCoreApplication::translate("GradientVerdict",
                                         "But BPTT is truncated: nothing further back than %1 "
                                         "steps learns.")
                 .arg(truncatedAt);
  else if (v.kind == GradientKind::Stable)
    parts << QCoreApplication::translate("GradientVerdict", "Long dependencies are learnable.");
  if (v.kind == GradientKind::Vanishing)
    parts << QCoreApplication::translate(
        "GradientVerdict", "Steps far back barely learn: long dependencies are out of reach.");
  return parts.join(QLatin1Char(' '));
}

}  // namespace unroll::gui
