#include <string>
#include <vector>
#include "util.h"
namespace geo {
class Shape {
public:
  virtual ~Shape() = default;
  virtual double area() const = 0;
  std::string name() const { return "shape"; }
};
class Rect : public Shape {
public:
  Rect(double w, double h) : w_(w), h_(h) {}
  double area() const override { return w_ * h_; }
private:
  double w_, h_;
};
double total_area(const std::vector<Shape *> &v) {
  double s = 0;
  for (auto *p : v) s += p->area();
  return s + add(0, 0);
}
} // namespace geo
