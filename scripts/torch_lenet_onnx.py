#!/usr/bin/python3
"""Trains the classic LeNet in PyTorch (CPU) on class folders of images and exports it as ONNX, with a
description for the plugin and PyTorch's own test predictions, to check the plugin's ONNX import against.

  scripts/torch_lenet_onnx.py train=DIR test=DIR out=DIR [epochs=1] [limit=12000] [seed=1] [threads=T]

train and test are folders of class folders (one sub-folder per class, class names = sorted sub-folder
names), e.g. data/mnist/train and data/mnist/test. Images are read as grey 'L', float32, value/255 (0..1,
no mean/std standardisation); they must all have one size. limit: at most this many training images, a
random subset (seeded, across all classes) so that a CI run is quick; 0 uses them all. The test set is used
whole. Network: conv 5x5 20, maxpool 2, conv 5x5 50, maxpool 2 (no activations there), dense 500 ReLU,
dense classes; forward returns logits. Adam(lr 1e-3), batch 64, cross-entropy, torch.manual_seed(seed).
Writes into out:
  lenet.onnx         torch.onnx.export, opset 13, input 'image' [batch,1,H,W], output 'logits' [batch,classes]
  lenet.onnx.json    {"classNames": [...], "preprocessing": {"fit": "resize", "inversion": "never",
                     "standardisation": {"mean": [0.0], "std": [255.0]}}, "scores": "logits"}
  predictions.csv    file,predicted,p_<class>... for every test image (file relative to test, '/'
                     separators, sorted), PyTorch's softmax probabilities printed with '%.9g'
Needs Debian's python3-torch (1.13), python3-pil and python3-numpy; no torchvision, no onnx package.
Prints the torch version and threads, a line per epoch, the test accuracy and `RESULT test_accuracy X`.
threads defaults to the CPU count (Debian's torch would otherwise use 1); on a busy machine give threads=1.
"""
import json
import os
import sys
import time
import warnings

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from torch_cnn_peer import list_folders, load  # the peer's class-folder listing and image loading


def parse_args(argv):
    args = {'epochs': '1', 'limit': '12000', 'seed': '1', 'threads': str(os.cpu_count() or 1)}
    for a in argv:
        if '=' not in a:
            sys.exit(f"Arguments are key=value, not '{a}'\n{__doc__}")
        k, v = a.split('=', 1)
        if k not in args and k not in ('train', 'test', 'out'):
            sys.exit(f"Unknown argument '{k}'\n{__doc__}")
        args[k] = v
    if not all(k in args for k in ('train', 'test', 'out')):
        sys.exit(__doc__)
    return args


class LeNet(nn.Module):
    def __init__(self, height, width, classes):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 20, 5)
        self.conv2 = nn.Conv2d(20, 50, 5)
        h, w = ((height - 4) // 2 - 4) // 2, ((width - 4) // 2 - 4) // 2
        if h <= 0 or w <= 0:
            sys.exit(f'Images of {height}x{width} are too small for LeNet (at least 16x16)')
        self.fc1 = nn.Linear(50 * h * w, 500)
        self.fc2 = nn.Linear(500, classes)

    def forward(self, x):
        x = F.max_pool2d(self.conv1(x), 2)
        x = F.max_pool2d(self.conv2(x), 2)
        x = F.relu(self.fc1(torch.flatten(x, 1)))
        return self.fc2(x)  # logits


def main():
    args = parse_args(sys.argv[1:])
    epochs, limit, seed, threads = int(args['epochs']), int(args['limit']), int(args['seed']), int(args['threads'])
    out = args['out']
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    print(f'torch {torch.__version__} threads={torch.get_num_threads()} cpus={os.cpu_count()}', flush=True)

    t0 = time.time()
    train_files, ytr, classes = list_folders(args['train'])
    if 0 < limit < len(train_files):
        keep = np.sort(np.random.default_rng(seed).permutation(len(train_files))[:limit])
        train_files, ytr = [train_files[i] for i in keep], ytr[keep]
    test_files, yte, _ = list_folders(args['test'], classes)
    xtr = torch.from_numpy(load(train_files, 'L', 0) / 255.0)
    xte = torch.from_numpy(load(test_files, 'L', 0) / 255.0)
    if xtr.shape[1:] != xte.shape[1:]:
        sys.exit(f'Training images are {tuple(xtr.shape[2:])}, test images {tuple(xte.shape[2:])}')
    ytr, yte = torch.from_numpy(ytr), torch.from_numpy(yte)
    height, width = xtr.shape[2], xtr.shape[3]
    print(f'data: train={len(xtr)} test={len(xte)} classes={len(classes)} input={tuple(xtr.shape[1:])} '
          f'load_seconds={time.time() - t0:.1f}', flush=True)

    model = LeNet(height, width, len(classes))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    n, batch = len(xtr), 64
    model.train()
    for epoch in range(1, epochs + 1):
        start = time.time()
        perm = torch.randperm(n)
        loss_sum = 0.0
        for b in range(0, n, batch):
            idx = perm[b:b + batch]
            opt.zero_grad()
            loss = F.cross_entropy(model(xtr[idx]), ytr[idx])
            loss.backward()
            opt.step()
            loss_sum += loss.item() * len(idx)
        print(f'epoch={epoch} train_loss={loss_sum / n:.4f} seconds={time.time() - start:.1f}', flush=True)

    model.eval()
    os.makedirs(out, exist_ok=True)
    onnx_path = os.path.join(out, 'lenet.onnx')
    dummy = torch.zeros(1, 1, height, width)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        torch.onnx.export(model, dummy, onnx_path, input_names=['image'], output_names=['logits'],
                          dynamic_axes={'image': {0: 'batch'}, 'logits': {0: 'batch'}}, opset_version=13)
    for w in caught:
        print(f'export warning: {w.category.__name__}: {str(w.message).strip()}', flush=True)
    description = {'classNames': list(classes),
                   'preprocessing': {'fit': 'resize', 'inversion': 'never',
                                     'standardisation': {'mean': [0.0], 'std': [255.0]}},
                   'scores': 'logits'}
    with open(onnx_path + '.json', 'w') as f:
        f.write(json.dumps(description) + '\n')

    probs = []
    with torch.no_grad():
        for s in range(0, len(xte), 500):
            probs.append(F.softmax(model(xte[s:s + 500]), dim=1))
    probs = torch.cat(probs).numpy()
    predicted = probs.argmax(1)
    accuracy = float((predicted == yte.numpy()).mean())
    with open(os.path.join(out, 'predictions.csv'), 'w') as f:
        f.write(','.join(['file', 'predicted'] + [f'p_{c}' for c in classes]) + '\n')
        names = [os.path.relpath(t, args['test']).replace(os.sep, '/') for t in test_files]
        for i in sorted(range(len(names)), key=lambda i: names[i]):
            f.write(','.join([names[i], classes[predicted[i]]] + ['%.9g' % p for p in probs[i]]) + '\n')
    print(f'wrote {onnx_path} ({os.path.getsize(onnx_path)} bytes), {onnx_path}.json, '
          f'{os.path.join(out, "predictions.csv")}', flush=True)
    print(f'test accuracy {accuracy:.4f} ({int((predicted == yte.numpy()).sum())}/{len(yte)})', flush=True)
    print(f'RESULT test_accuracy {accuracy:.4f}', flush=True)


if __name__ == '__main__':
    main()
