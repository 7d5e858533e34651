"""The stretch figure's body, as plain Python: proportions, joints, contacts, and a camera.

core/poses.py says how a pose bends each joint; this package turns a pose into points in space
(skeleton.py), sets the body on the floor, the chair or the mat so every named contact lies on its
surface (placing.py, reach.py), and projects the result for the painter (camera.py). The UI only
fills the shapes it is given.
"""
