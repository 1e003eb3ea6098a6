#!/usr/bin/env python3
"""Small Modbus server built from pymodbus classes: TCP (socket/rtu/ascii framers) + UDP."""
import asyncio, sys, signal
from pymodbus import pymodbus_apply_logging_config, FramerType
from pymodbus.server import ModbusTcpServer, ModbusUdpServer
from pymodbus.simulator import SimData, SimDevice, DataType
from pymodbus.constants import ExcCodes

LOG, BASE, MODE = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pymodbus_apply_logging_config("DEBUG", LOG)

async def action(function_code, start_address, address, count, current_registers, set_values):
    if address == 666:
        raise RuntimeError("backend sensor bus offline at address 666")
    if address == 777:
        return ExcCodes.DEVICE_BUSY
    return None

def make_context():
    if MODE == "legacy":
        from pymodbus.datastore import ModbusDeviceContext, ModbusServerContext, ModbusSequentialDataBlock
        devs = {}
        for i in (1, 2, 3):
            devs[i] = ModbusDeviceContext(
                di=ModbusSequentialDataBlock(0, [False] * 200),
                co=ModbusSequentialDataBlock(0, [False] * 200),
                hr=ModbusSequentialDataBlock(0, list(range(1000))),
                ir=ModbusSequentialDataBlock(0, [7] * 1000))
        return ModbusServerContext(devices=devs, single=False)
    devs = []
    for i in (1, 2, 3):
        devs.append(SimDevice(id=i, action=action, simdata=[
            SimData(0, count=1000, values=0x1234, datatype=DataType.REGISTERS)]))
    return devs

async def main():
    servers = [
        ModbusTcpServer(make_context(), framer=FramerType.SOCKET, address=("127.0.0.1", BASE)),
        ModbusTcpServer(make_context(), framer=FramerType.RTU, address=("127.0.0.1", BASE + 1),
                        ignore_missing_devices=True),
        ModbusTcpServer(make_context(), framer=FramerType.ASCII, address=("127.0.0.1", BASE + 2),
                        broadcast_enable=True),
        ModbusUdpServer(make_context(), framer=FramerType.SOCKET, address=("127.0.0.1", BASE + 3)),
    ]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    tasks = [asyncio.create_task(s.serve_forever()) for s in servers]
    await stop.wait()
    for s in servers:
        await s.shutdown()
    await asyncio.gather(*tasks, return_exceptions=True)

asyncio.run(main())
