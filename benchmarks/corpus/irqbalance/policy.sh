#!/bin/sh
# irqbalance policy script: $1 = sysfs device path, $2 = irq number
case $(( ($2 + ${R37_SHIFT:-0}) % 9 )) in
  0) echo "ban=true" ;;
  1) echo "balance_level=core"; echo "numa_node=0" ;;
  2) echo "hintpolicy=exact"; echo "bogus_key=1" ;;
  3) echo "balance_level=nonsense" ;;
  4) echo "ban=maybe" ;;
  5) echo "numa_node=7" ;;
  6) echo "this line has no separator" ;;
  7) echo "balance_level=package"; echo "ban=false" ;;
  8) exit 3 ;;
esac
exit 0
