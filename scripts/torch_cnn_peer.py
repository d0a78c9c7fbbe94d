#!/usr/bin/python3
"""PyTorch (CPU) peer of the project's default network `cnn`, for accuracy and speed comparisons on
class folders of images (one sub-folder per class, class names = sorted sub-folder names).

  scripts/torch_cnn_peer.py train=DIR test=DIR [epochs=N] [batch=64] [lr=0.002] [size=S]
      [channels=1|3] [threads=T] [seed=S] [augment=0|1] [limit=N]

limit=N trains on the first N training images (in class-folder and file-name order) only.

size=0 (default) keeps the images' own size (they must all have one size); another size cuts the largest
centred square out of each image and scales it there, bilinear. Pixels are read as float (grey 'L' or
'RGB') and standardised per channel with the training set's mean and std of the raw 0..255 values.
augment=1: random left-right and up-down flips, random quarter turns, random crop after 4-pixel
reflect padding. Network: conv 5x5 32 ReLU, BatchNorm, maxpool 2; conv 5x5 64 ReLU, BatchNorm, maxpool 2;
[conv 3x3 128 keeping the size, ReLU, BatchNorm, maxpool 2] while the maps are wider than 8 px; dense 256 ReLU, BatchNorm, dropout 0.5; dense classes, softmax cross-entropy; Xavier-uniform weights.
Adam(lr), the step size multiplied by (1/16)^(1/(epochs-1)) after each epoch (the last epoch runs at lr/16).
Needs Debian's python3-torch (1.13), python3-pil and python3-numpy; no torchvision. Prints the torch
version and threads, a line per epoch and `RESULT test_accuracy X training_minutes Y` (training only:
no loading, no evaluation). threads defaults to the CPU count (Debian's torch would otherwise use 1).
On a machine busy with other work, OpenMP's spinning threads slow training several times over: there,
give threads=1 or run with OMP_WAIT_POLICY=PASSIVE in the environment.
"""
import os
import sys
import time

import numpy as np
from PIL import Image
import torch
import torch.nn as nn
import torch.nn.functional as F

EXTENSIONS = ('.png', '.jpg', '.jpeg', '.tif', '.tiff', '.bmp', '.gif')


def parse_args(argv):
    args = {'epochs': '1', 'batch': '64', 'lr': '0.002', 'size': '0', 'channels': '1',
            'threads': str(os.cpu_count() or 1), 'seed': '12345', 'augment': '0',
            'limit': '0'}
    for a in argv:
        if '=' not in a:
            sys.exit(f"Arguments are key=value, not '{a}'\n{__doc__}")
        k, v = a.split('=', 1)
        if k not in args and k not in ('train', 'test'):
            sys.exit(f"Unknown argument '{k}'\n{__doc__}")
        args[k] = v
    if 'train' not in args or 'test' not in args:
        sys.exit(__doc__)
    if args['channels'] not in ('1', '3'):
        sys.exit('channels must be 1 or 3')
    return args


def list_folders(root, classes=None):
    """(files, labels, class names) of a folder of class folders; with `classes`, those names' labels."""
    names = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)) and not d.startswith('.'))
    if not names:
        sys.exit(f'No class folders in {root}')
    if classes is None:
        classes = names
    index = {c: i for i, c in enumerate(classes)}
    files, labels = [], []
    for name in names:
        if name not in index:
            sys.exit(f"Class '{name}' of {root} is not among the training classes")
        folder = os.path.join(root, name)
        for f in sorted(os.listdir(folder)):
            if f.lower().endswith(EXTENSIONS) and not f.startswith('.'):
                files.append(os.path.join(folder, f))
                labels.append(index[name])
    return files, np.array(labels, dtype=np.int64), classes


def read_image(path, mode, size):
    """One image as HxWxC, uint8 as read or, scaled (size > 0 and not its size), float32 in 0..255:
    the largest centred square, bilinear."""
    with Image.open(path) as img:
        a = np.asarray(img.convert(mode))
    if a.ndim == 2:
        a = a[:, :, None]
    if size > 0 and a.shape[:2] != (size, size):
        h, w = a.shape[:2]
        s = min(h, w)
        top, left = (h - s) // 2, (w - s) // 2
        t = torch.from_numpy(a[top:top + s, left:left + s].astype(np.float32)).permute(2, 0, 1)[None]
        # plain bilinear interpolation (no antialiasing), like the project's linear interpolation
        a = F.interpolate(t, size=(size, size), mode='bilinear', align_corners=False)[0].permute(1, 2, 0).numpy()
    return a


def load(files, mode, size):
    """The images as float32 N x C x H x W in 0..255. One thread: PIL's PNG decoding holds the GIL, and
    threads made it slower (about 0.1 ms for a 28x28 PNG)."""
    images = [read_image(f, mode, size) for f in files]
    shapes = {i.shape for i in images}
    if len(shapes) != 1:
        sys.exit(f'Images of several sizes {sorted(shapes)[:4]}...; give size=S')
    return np.stack(images).transpose(0, 3, 1, 2).astype(np.float32)  # N C H W


def mean_std(x):
    """Per-channel mean and (population) standard deviation of N x C x H x W, accumulated in float64."""
    total = np.zeros(x.shape[1])
    squares = np.zeros(x.shape[1])
    for b in range(0, len(x), 4096):
        chunk = x[b:b + 4096].astype(np.float64)
        total += chunk.sum(axis=(0, 2, 3))
        squares += (chunk * chunk).sum(axis=(0, 2, 3))
    count = x.shape[0] * x.shape[2] * x.shape[3]
    mean = total / count
    return mean, np.sqrt(np.maximum(squares / count - mean * mean, 0))


class Cnn(nn.Module):
    def __init__(self, channels, height, width, classes):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, 32, 5)
        self.bn1 = nn.BatchNorm2d(32)
        self.conv2 = nn.Conv2d(32, 64, 5)
        self.bn2 = nn.BatchNorm2d(64)
        h, w = ((height - 4) // 2 - 4) // 2, ((width - 4) // 2 - 4) // 2
        if h <= 0 or w <= 0:
            sys.exit(f'Images of {height}x{width} are too small for the network (at least 16x16)')
        # as the project's network: [conv 3x3x128 keeping the size, BN, max-pool] while the maps are wider than 8 px
        self.extra = nn.ModuleList()
        depth = 64
        while min(h, w) > 8:
            self.extra.append(nn.ModuleList([nn.Conv2d(depth, 128, 3, padding=1), nn.BatchNorm2d(128)]))
            depth, h, w = 128, h // 2, w // 2
        self.fc1 = nn.Linear(depth * h * w, 256)
        self.bn3 = nn.BatchNorm1d(256)
        self.drop = nn.Dropout(0.5)
        self.fc2 = nn.Linear(256, classes)
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.xavier_uniform_(m.weight)
                nn.init.zeros_(m.bias)

    def forward(self, x):
        x = F.max_pool2d(self.bn1(F.relu(self.conv1(x))), 2)
        x = F.max_pool2d(self.bn2(F.relu(self.conv2(x))), 2)
        for conv, bn in self.extra:
            x = F.max_pool2d(bn(F.relu(conv(x))), 2)
        x = self.drop(self.bn3(F.relu(self.fc1(x.flatten(1)))))
        return self.fc2(x)  # logits; cross_entropy = log_softmax + NLL


def augment(x, g):
    """Random flips both ways, quarter turns and 4-pixel reflect-padded crops, per image of batch x."""
    n, _, h, w = x.shape
    r = torch.rand(n, 2, generator=g)
    x = torch.where((r[:, 0] < 0.5).view(n, 1, 1, 1), x.flip(3), x)
    x = torch.where((r[:, 1] < 0.5).view(n, 1, 1, 1), x.flip(2), x)
    turns = torch.randint(0, 4, (n,), generator=g)
    if h != w:
        turns = turns // 2 * 2  # only half turns keep a non-square shape
    padded = F.pad(x, (4, 4, 4, 4), mode='reflect')
    dy = torch.randint(0, 9, (n,), generator=g).tolist()
    dx = torch.randint(0, 9, (n,), generator=g).tolist()
    out = torch.empty_like(x)
    for i, k in enumerate(turns.tolist()):
        p = padded[i, :, dy[i]:dy[i] + h, dx[i]:dx[i] + w]
        out[i] = torch.rot90(p, k, (1, 2)) if k else p
    return out


def evaluate(net, x, y):
    net.eval()
    correct = 0
    with torch.no_grad():
        for s in range(0, len(x), 500):
            correct += (net(x[s:s + 500]).argmax(1) == y[s:s + 500]).sum().item()
    net.train()
    return correct / len(x)


def main():
    args = parse_args(sys.argv[1:])
    epochs, batch, lr = int(args['epochs']), int(args['batch']), float(args['lr'])
    size, threads, seed = int(args['size']), int(args['threads']), int(args['seed'])
    mode = 'L' if args['channels'] == '1' else 'RGB'
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    print(f'torch {torch.__version__} threads={torch.get_num_threads()} '
          f'interop={torch.get_num_interop_threads()} cpus={os.cpu_count()}', flush=True)

    t0 = time.time()
    train_files, ytr, classes = list_folders(args['train'])
    if int(args['limit']) > 0:  # the first images, as the project's Benchmark takes them
        train_files, ytr = train_files[:int(args['limit'])], ytr[:int(args['limit'])]
    test_files, yte, _ = list_folders(args['test'], classes)
    xtr = load(train_files, mode, size)
    xte = load(test_files, mode, size)
    mean, std = mean_std(xtr)
    std[std == 0] = 1
    for x in (xtr, xte):  # in place: no second copy of the data set
        x -= mean.astype(np.float32).reshape(1, -1, 1, 1)
        x /= std.astype(np.float32).reshape(1, -1, 1, 1)
    xtr, xte = torch.from_numpy(xtr), torch.from_numpy(xte)
    ytr, yte = torch.from_numpy(ytr), torch.from_numpy(yte)
    print(f'data: train={len(xtr)} test={len(xte)} classes={len(classes)} input={tuple(xtr.shape[1:])} '
          f'mean={np.round(mean, 2).tolist()} std={np.round(std, 2).tolist()} load_seconds={time.time() - t0:.1f}',
          flush=True)

    net = Cnn(xtr.shape[1], xtr.shape[2], xtr.shape[3], len(classes))
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    decay = (1 / 16) ** (1 / (epochs - 1)) if epochs > 1 else 1.0
    g = torch.Generator().manual_seed(seed)
    n = len(xtr)
    training = 0.0
    accuracy = 0.0
    for epoch in range(1, epochs + 1):
        for group in opt.param_groups:
            group['lr'] = lr * decay ** (epoch - 1)
        start = time.time()
        perm = torch.randperm(n, generator=g)
        loss_sum, seen = 0.0, 0
        for b in range(0, n, batch):
            idx = perm[b:b + batch]
            if len(idx) < 2:  # BatchNorm needs two samples in training
                continue
            xb = xtr[idx]
            if args['augment'] == '1':
                xb = augment(xb, g)
            opt.zero_grad()
            loss = F.cross_entropy(net(xb), ytr[idx])
            loss.backward()
            opt.step()
            loss_sum += loss.item() * len(idx)
            seen += len(idx)
        seconds = time.time() - start
        training += seconds
        accuracy = evaluate(net, xte, yte)
        print(f'epoch={epoch} train_loss={loss_sum / seen:.4f} test_accuracy={accuracy:.4f} seconds={seconds:.1f} '
              f'train_img_per_s={seen / seconds:.1f}',
              flush=True)
    print(f'RESULT test_accuracy {accuracy:.4f} training_minutes {training / 60:.2f}', flush=True)


if __name__ == '__main__':
    main()
